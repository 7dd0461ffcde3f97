import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next*/**", "coverage/**", ".data/**", "node_modules/**", "src/server/db/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "reports/**", ".stryker-tmp/**"],
  },
  {
    files: ["src/server/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    // Links prefetch on intent (src/components/ui/link.tsx), not whenever they scroll into view.
    files: ["src/**/*.tsx"],
    ignores: ["src/components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use { Link } from \"@/components/ui/link\" (prefetch on intent)." }] }],
    },
  },
];

export default config;
