// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
// _prisma_migrations exactly as Prisma does (sha256 checksum of the file), so `prisma migrate
// deploy` agrees wherever the native engine exists. Works offline, on PGlite and PostgreSQL.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SqlExecutor } from "./sql-executor";

export const MIGRATIONS_DIR = join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
/** Serialises migrators of several app instances starting at once. */
const MIGRATION_LOCK_KEY = 72_707_369;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed afterwards. */
  modified: string[];
  /** Started but never finished (a crash mid-migration): needs a human. */
  failed: string[];
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  // Not traced by the bundler: next.config.mjs ships prisma/migrations with the server instead.
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

async function appliedRows(db: Pick<SqlExecutor, "query">): Promise<AppliedRow[]> {
  const [exists] = await db.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!exists?.exists) return [];
  return db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

export async function migrationStatus(db: SqlExecutor, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const files = await readMigrationFiles(dir);
  const rows = (await appliedRows(db)).filter((r) => r.rolled_back_at === null);
  const byName = new Map(rows.map((r) => [r.migration_name, r]));
  const status: MigrationStatus = { applied: [], pending: [], modified: [], failed: [] };
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) status.pending.push(file.name);
    else if (row.finished_at === null) status.failed.push(file.name);
    else if (row.checksum !== file.checksum) status.modified.push(file.name);
    else status.applied.push(file.name);
  }
  return status;
}

/** Applies pending migrations; refuses to run when an applied one changed or one failed. */
export async function migrate(
  db: SqlExecutor,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const applied: string[] = [];
  // Transaction-scoped advisory locks: a pool may hand each statement another connection,
  // so a session lock could be released on the wrong one.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
  });
  const status = await migrationStatus(db, options.dir);
  if (status.modified.length > 0) {
    throw new MigrationError(
      `Refusing to migrate: ${status.modified.join(", ")} changed after it was applied. ` +
        `Restore the file and add a new migration instead.`,
    );
  }
  if (status.failed.length > 0) {
    throw new MigrationError(`Refusing to migrate: ${status.failed.join(", ")} started but did not finish.`);
  }
  const files = await readMigrationFiles(options.dir);
  for (const file of files.filter((f) => status.pending.includes(f.name))) {
    const started = Date.now();
    const ran = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK_KEY]);
      // Another instance may have applied it while this one waited for the lock.
      const done = await tx.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`, [file.name]);
      if (done.length > 0) return false;
      await tx.exec(file.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), 1)`,
        [randomUUID(), file.checksum, file.name, new Date(started)],
      );
      return true;
    });
    if (ran) {
      log(`applied ${file.name} in ${Date.now() - started} ms`);
      applied.push(file.name);
    }
  }
  return applied;
}
