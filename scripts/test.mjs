// `npm test`: the whole suite — unit and integration tests (vitest, on the embedded database, or
// on PostgreSQL when DATABASE_URL is set), then the browser tests (Playwright against a
// production build on a fresh embedded database). Ends with one line: "N passed, N failed".
//   npm test -- --no-e2e      unit and integration only
//   npm test -- --only-e2e    browser tests only
//   npm test -- --coverage    with V8 coverage of src/, thresholds enforced (vitest.config.ts),
//                             and a per-folder table (scripts/coverage-table.mjs)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { findChromium } from "../e2e/browser.mjs";

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
mkdirSync("test-results", { recursive: true });

function run(command, commandArgs, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let exitCode = 0;

// The Prisma client is generated on install; regenerate in case install scripts were skipped.
if (!existsSync("src/server/db/generated/client.ts")) run("node", ["scripts/prisma-generate.mjs"]);

if (!args.has("--only-e2e")) {
  rmSync("test-results/vitest.json", { force: true });
  const coverage = args.has("--coverage") ? ["--coverage"] : [];
  const code = run("npx", [
    "vitest",
    "run",
    ...coverage,
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=test-results/vitest.json",
  ]);
  if (coverage.length > 0) run("node", ["scripts/coverage-table.mjs"]);
  const report = readJson("test-results/vitest.json");
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (code !== 0) failed += 1;
  if (code !== 0) exitCode = code;
}

if (!args.has("--no-e2e")) {
  if (!findChromium()) {
    // No system Chromium: use Playwright's own (downloads once, on machines with network).
    console.log("No Chromium found; installing Playwright's Chromium…");
    if (run("npx", ["playwright", "install", "chromium"]) !== 0) {
      console.error("Could not install a browser. Install Chromium (e.g. apt-get install chromium) or set CHROMIUM_PATH.");
      process.exit(1);
    }
  }
  rmSync("test-results/e2e.json", { force: true });
  const code = run("npx", ["playwright", "test"], { CI: process.env.CI ?? "1" });
  const report = readJson("test-results/e2e.json");
  if (report?.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
  } else if (code !== 0) failed += 1;
  if (code !== 0 && exitCode === 0) exitCode = code;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode !== 0 ? exitCode : failed > 0 ? 1 : 0);
