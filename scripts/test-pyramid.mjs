// `node scripts/test-pyramid.mjs`: how many checks of each kind the suite runs, so the README's test
// pyramid can be re-counted rather than remembered. Vitest counts come from the last `npm test`
// (test-results/vitest.json: tests as run, table-driven ones expanded); browser tests and
// benchmarks are counted from their sources.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function files(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const count = (source) => (source.match(/^\s*(?:it|test)(?:\.each\([^)]*\))?\(\s*["'`]/gm) ?? []).length;
// A React component test (*.test.tsx, the vitest "components" project: a DOM, no database) is a
// component test; a test file that opens the database or calls procedures is an integration test;
// the rest are unit tests.
const COMPONENT = /\.test\.tsx$/;
const USES_DATABASE = /@\/test\/|getDatabase|withTenantDb|withPrivilegedDb|bootDatabase|createCaller|handleRestRequest/;
const ISOLATION = /(tenant-isolation|rest-isolation|permission-matrix|cross-tenant-slug)\.test\.ts$/;
const FUZZ = /fuzz\.test\.ts$/;

const kinds = { unit: [0, 0], component: [0, 0], integration: [0, 0], "isolation matrix": [0, 0], fuzz: [0, 0], browser: [0, 0], benchmark: [0, 0] };
const add = (kind, n) => {
  kinds[kind][0] += 1;
  kinds[kind][1] += n;
};
let report;
try {
  report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
} catch {
  console.error("No test-results/vitest.json: run `npm test` (or `npm test -- --no-e2e`) first.");
  process.exit(1);
}
for (const file of report.testResults) {
  const path = file.name;
  const source = readFileSync(path, "utf8");
  const kind = FUZZ.test(path) ? "fuzz" : ISOLATION.test(path) ? "isolation matrix" : COMPONENT.test(path) ? "component" : USES_DATABASE.test(source) ? "integration" : "unit";
  add(kind, file.assertionResults.length);
}
for (const path of files("e2e", ".spec.ts")) add("browser", count(readFileSync(path, "utf8")));
// Each benchmark file is one scenario of `npm run bench`.
const benchmarks = files("bench", ".bench.ts").length;
kinds.benchmark = [benchmarks, benchmarks];

console.log("Kind              Files  Checks");
for (const [kind, [fileCount, checks]] of Object.entries(kinds)) {
  console.log(`${kind.padEnd(16)}  ${String(fileCount).padStart(5)}  ${String(checks).padStart(6)}`);
}
