// Run by `npm ci` / `npm install` (package.json postinstall, after the Prisma client is generated):
// builds the development database's template (scripts/db/template.ts), so the first `npm run dev`
// copies a migrated and seeded database instead of creating one, some ten seconds of a first
// start. Skipped where nobody runs `npm run dev` on the embedded database: CI (whose tests never
// use the template), production installs (NODE_ENV=production, or no tsx because dev dependencies
// were omitted), PostgreSQL setups (DATABASE_URL). Never fails the install: without a template
// the first start builds one. (package.json runs this file only where it exists: the image's
// dependency stage copies scripts/prisma-generate.mjs alone, and needs no template.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

function tsxCli() {
  try {
    return createRequire(import.meta.url).resolve("tsx/cli");
  } catch {
    return null;
  }
}

const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const cli = tsxCli();
const skip = ci
  ? "CI"
  : process.env.NODE_ENV === "production"
    ? "NODE_ENV=production"
    : process.env.DATABASE_URL
      ? "DATABASE_URL is set"
      : !cli || !existsSync("src/server/services/seed/demo-template.ts")
        ? "no development sources or dependencies"
        : null;

if (skip) {
  console.log(`Demo database template skipped (${skip}).`);
} else {
  const result = spawnSync(process.execPath, [cli, "--conditions=react-server", "scripts/db/template.ts"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.warn("Could not build the demo database template; the first `npm run dev` builds it instead.");
  }
}
