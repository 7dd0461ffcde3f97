// What the busiest pages send to the browser before anyone types: zod's classic build (about
// 31 kB gzipped once bundled) and next-auth's client (12 kB) load only when a form is submitted or
// someone signs in or out (see src/components/forms/lazy-resolver.ts). `npm run bench -- --only
// web` measures the bytes; this test names the import that would bring either back, and where.
import { describe, expect, it } from "vitest";
import { clientPackageImports } from "@/test/client-graph";

const HEAVY = [/^zod($|\/)/, /^@hookform\/resolvers/, /^next-auth\/react$/];

const PAGES: Record<string, string[]> = {
  "/sign-in": ["app/layout.tsx", "app/(auth)/layout.tsx", "app/(auth)/sign-in/page.tsx"],
  "/t/[slug] (overview)": ["app/layout.tsx", "app/t/[slug]/layout.tsx", "app/t/[slug]/page.tsx"],
  "/t/[slug]/cases": ["app/layout.tsx", "app/t/[slug]/layout.tsx", "app/t/[slug]/cases/page.tsx"],
  "/t/[slug]/cases/[number]": ["app/layout.tsx", "app/t/[slug]/layout.tsx", "app/t/[slug]/cases/[number]/layout.tsx", "app/t/[slug]/cases/[number]/page.tsx"],
};

describe("first-load JavaScript of the busiest pages", () => {
  for (const [page, entries] of Object.entries(PAGES)) {
    it(`${page} loads no validation library or auth client up front`, () => {
      const heavy = clientPackageImports(entries)
        .filter((i) => HEAVY.some((p) => p.test(i.specifier)))
        .map((i) => `${i.specifier} ← ${i.chain.join(" ← ")}`);
      expect(heavy).toEqual([]);
    });
  }

  it("the walk finds a package a client file imports (so an empty answer above means something)", () => {
    const imports = clientPackageImports(["app/t/[slug]/layout.tsx"]).map((i) => i.specifier);
    expect(imports).toContain("@tanstack/react-query");
    // Server-only imports of the layout itself are not client imports.
    expect(imports).not.toContain("next-auth");
  });
});
