// Prints coverage per folder from coverage/coverage-summary.json (written by `npm test -- --coverage`),
// so a run ends with where the untested code is, not only the totals.
//   node scripts/coverage-table.mjs [depth]    folders up to `depth` levels below src/ (default 2)
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const depth = Number(process.argv[2] ?? 2);
let summary;
try {
  summary = JSON.parse(readFileSync("coverage/coverage-summary.json", "utf8"));
} catch {
  console.error("No coverage/coverage-summary.json: run `npm test -- --coverage` first.");
  process.exit(1);
}

const folders = new Map();
const add = (name, file) => {
  const f = folders.get(name) ?? { files: 0, lines: [0, 0], branches: [0, 0], functions: [0, 0] };
  f.files += 1;
  for (const key of ["lines", "branches", "functions"]) {
    f[key][0] += file[key].covered;
    f[key][1] += file[key].total;
  }
  folders.set(name, f);
};

for (const [path, file] of Object.entries(summary)) {
  if (path === "total") continue;
  const parts = relative(process.cwd(), path).split("/");
  // src/server/api/routers/cases/x.ts at depth 2 → src/server/api
  const folder = parts.slice(0, Math.min(parts.length - 1, depth + 1)).join("/");
  add(folder, file);
  if (parts[1] === "server") add("src/server (all)", file);
  add("src (all)", file);
}

const pct = ([covered, total]) => (total === 0 ? "100.0" : ((covered / total) * 100).toFixed(1));
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([name]) => name.length), 6);
console.log(`\n${"Folder".padEnd(width)}  Files   Lines  Branches  Functions`);
for (const [name, f] of rows) {
  console.log(
    `${name.padEnd(width)}  ${String(f.files).padStart(5)}  ${pct(f.lines).padStart(6)}  ${pct(f.branches).padStart(8)}  ${pct(f.functions).padStart(9)}`,
  );
}
