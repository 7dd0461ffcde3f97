// `npm run db:migrate` applies pending migrations to DATABASE_URL or the embedded database;
// `npm run db:migrate -- --status` only reports. Exits 1 when an applied migration was modified
// or one failed half-way: those need a human, never an automatic retry.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { openDatabase } from "@/server/db/connection";
import { migrate, migrationStatus, type MigrationStatus } from "@/server/db/migrations";
import { describeTarget, runScript } from "../lib/cli";

function printStatus(status: MigrationStatus): void {
  const lines: [string, string[]][] = [
    ["applied", status.applied],
    ["pending", status.pending],
    ["modified", status.modified],
    ["failed", status.failed],
  ];
  for (const [label, names] of lines) {
    console.log(`  ${label.padEnd(9)}${names.length}${names.length ? `  ${names.join(", ")}` : ""}`);
  }
}

function problems(status: MigrationStatus): string | null {
  const parts: string[] = [];
  if (status.modified.length) {
    parts.push(`${status.modified.join(", ")} changed after it was applied: restore the file and add a new migration instead`);
  }
  if (status.failed.length) {
    parts.push(`${status.failed.join(", ")} started but did not finish: inspect the database, fix it by hand, then mark it rolled back`);
  }
  return parts.length ? parts.join("; ") : null;
}

runScript(async () => {
  const { values } = parseArgs({ options: { status: { type: "boolean", default: false } } });
  console.log(`Migrations on ${describeTarget()}`);
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  try {
    const before = await migrationStatus(db.sql);
    printStatus(before);
    const problem = problems(before);
    if (problem) {
      console.error(`error: ${problem}`);
      return 1;
    }
    if (values.status) return 0;
    if (before.pending.length === 0) {
      console.log("Nothing to apply.");
      return 0;
    }
    const applied = await migrate(db.sql, { log: (message) => console.log(`  ${message}`) });
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.`);
    return 0;
  } finally {
    await db.close();
  }
});
