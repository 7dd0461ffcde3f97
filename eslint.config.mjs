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
];

export default config;
