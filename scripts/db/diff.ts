// `npm run db:diff` prints the SQL that takes a database with every migration applied to what
// prisma/schema.prisma describes; `-- --check` exits 1 when that is not empty (CI, the drift
// test); `-- --create <name>` writes it as the next migration. Runs offline: the schema engine is
// the WASM build, looking at a fresh in-memory PGlite migrated by our own runner.
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "@/server/db/pglite";
import { migrate, MigrationError, migrationStatus, MIGRATIONS_DIR, readMigrationFiles } from "@/server/db/migrations";
import { pgliteExecutor } from "@/server/db/sql-executor";
import { diffDatabaseToSchema } from "./schema-engine";
import { runScript, UsageError } from "../lib/cli";

export const SCHEMA_PATH = join(process.cwd(), "prisma", "schema.prisma");

// The hand-written parts of the migrations (roles, grants, RLS policies, functions, triggers, the
// partial indexes of jobs) are outside what Prisma's schema language models. The engine does not
// propose to drop them: checked with schema-engine-wasm 8.1.0 against 20261123000000_init and
// 20261123100000_jobs, its diff is empty. So nothing is filtered here; if a later engine starts
// proposing such drops, the drift test fails and shows them rather than this script hiding them.

/** The schema changes that no migration yet makes: "" when migrations and schema.prisma agree. */
export async function pendingSchemaDiff(schemaPath = SCHEMA_PATH): Promise<string> {
  // With the extensions the app opens it with, so a migration that creates one applies here too.
  const pglite = await createPGlite("memory://");
  try {
    const db = pgliteExecutor(pglite);
    try {
      await migrate(db);
    } catch (error) {
      // Each migration runs in its own transaction, so the failing one is the first still pending.
      const failing = (await migrationStatus(db)).pending[0] ?? "a migration";
      throw new MigrationError(`${failing} does not apply on top of the migrations before it: ${(error as Error).message}`);
    }
    const sql = await diffDatabaseToSchema(schemaPath, new PrismaPGlite(pglite));
    return sql ? `${sql}\n` : "";
  } finally {
    await pglite.close();
  }
}

const utcStamp = (at: Date) => at.toISOString().replace(/[-:T]/g, "").slice(0, 14);

/**
 * The UTC time, as Prisma names migrations, but always after the newest existing migration:
 * migrations apply in name order, and one that sorted before an existing one would run in a
 * different order on fresh databases than on those that already have the later one.
 */
async function nextMigrationStamp(now = new Date()): Promise<string> {
  const newest = (await readMigrationFiles()).at(-1)?.name.slice(0, 14);
  const stamp = utcStamp(now);
  if (!newest || !/^\d{14}$/.test(newest) || stamp > newest) return stamp;
  const [, y, mo, d, h, mi, se] = newest.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/)!.map(Number);
  return utcStamp(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se! + 1)));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, create: { type: "string" } } });
  if (values.create !== undefined && !/^[a-z0-9][a-z0-9_]*$/.test(values.create)) {
    throw new UsageError(`--create expects a snake_case name (a-z, 0-9, _), got "${values.create}"`);
  }
  const sql = await pendingSchemaDiff();
  if (!sql) {
    console.log("-- No difference: the migrations produce exactly what prisma/schema.prisma describes.");
    return 0;
  }
  if (values.create !== undefined) {
    const dir = join(MIGRATIONS_DIR, `${await nextMigrationStamp()}_${values.create}`);
    await mkdir(dir, { recursive: false });
    await writeFile(join(dir, "migration.sql"), sql);
    console.log(`Wrote ${relative(process.cwd(), join(dir, "migration.sql"))}:\n\n${sql}`);
    return 0;
  }
  process.stdout.write(sql);
  if (values.check) {
    console.error("\nerror: prisma/schema.prisma and the migrations differ; run `npm run db:diff -- --create <name>`.");
    return 1;
  }
  return 0;
}

// Imported by the drift test for pendingSchemaDiff; run only as a script.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) runScript(main);
