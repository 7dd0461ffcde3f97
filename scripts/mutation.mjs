// `npm run test:mutation [-- module …]`: mutation testing of the security-critical modules
// (stryker.config.mjs lists them), then the score per module. Without arguments every module runs.
//   npm run test:mutation -- crypto api-keys
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { MODULES } from "../stryker.config.mjs";

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in MODULES));
if (unknown.length > 0) {
  console.error(`Unknown module ${unknown.join(", ")}; choose from ${Object.keys(MODULES).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? wanted : Object.keys(MODULES);
const KILLED = new Set(["Killed", "Timeout"]);
const started = Date.now();
const rows = [];
let status = 0;

for (const name of selected) {
  const moduleStarted = Date.now();
  const result = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: { ...process.env, LOG_LEVEL: "silent", MUTATION_MODULE: name, MUTATION_TESTS: MODULES[name].tests.join(",") },
  });
  if (result.status !== 0) status = result.status ?? 1;
  const report = JSON.parse(readFileSync(`reports/mutation/${name}.json`, "utf8"));
  const count = { killed: 0, survived: 0, uncovered: 0 };
  for (const [path, file] of Object.entries(report.files)) {
    if (!MODULES[name].mutate.includes(relative(process.cwd(), path))) continue;
    for (const mutant of file.mutants) {
      if (KILLED.has(mutant.status)) count.killed += 1;
      else if (mutant.status === "Survived") count.survived += 1;
      else if (mutant.status === "NoCoverage") count.uncovered += 1;
    }
  }
  rows.push({ name, ...count, seconds: Math.round((Date.now() - moduleStarted) / 1000) });
}

console.log(`\nModule        Killed  Survived  No coverage   Score   Time`);
let below = 0;
for (const row of rows) {
  const total = row.killed + row.survived + row.uncovered;
  const score = total === 0 ? 100 : (row.killed / total) * 100;
  if (score < 80) below += 1;
  console.log(
    `${row.name.padEnd(12)}  ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.uncovered).padStart(11)}  ${score.toFixed(1).padStart(5)} %  ${String(row.seconds).padStart(4)} s`,
  );
}
console.log(`\n${Math.round((Date.now() - started) / 1000)} s in all; target ≥ 80 % killed per module; ${below} below it.`);
process.exit(status);
