// The migration runner on a database of its own (a second in-memory PGlite), against a copy of
// prisma/migrations that the tests may change: fresh apply, idempotence, Prisma-compatible
// checksums, and refusal to run over history that no longer matches the files.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./connection";
import { MIGRATIONS_DIR, MigrationError, migrate, migrationStatus } from "./migrations";

let db: Database;
let dir: string;
let names: string[];

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const history = () =>
  db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
const tableExists = async (name: string) =>
  (await db.sql.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [name]))[0]!.found;
function addMigration(name: string, sql: string) {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, "migration.sql"), sql);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "caseboard-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  db = await openDatabase({ dataDir: "memory://" });
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("migration runner", () => {
  it("applies every migration to a fresh database, in order, recording sha256 checksums of the files", async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(await migrate(db.sql, { dir })).toEqual(names);
    const rows = await history();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      // Byte-level, as Prisma computes it, so `prisma migrate` would accept this history.
      expect(row.checksum, row.migration_name).toBe(sha256(readFileSync(join(dir, row.migration_name, "migration.sql"))));
    }
    expect(await migrationStatus(db.sql, dir)).toEqual({ applied: names, pending: [], modified: [], failed: [] });
    expect(await tableExists("cases")).toBe(true);
  });

  it("is a no-op the second time", async () => {
    const before = await history();
    expect(await migrate(db.sql, { dir })).toEqual([]);
    expect(await history()).toEqual(before);
  });

  it("applies only what is pending, once, even with two migrators at once", async () => {
    addMigration("99990101000000_extra", `CREATE TABLE "extra_thing" ("id" INTEGER PRIMARY KEY);`);
    expect(await migrationStatus(db.sql, dir)).toMatchObject({ applied: names, pending: ["99990101000000_extra"] });
    const results = await Promise.all([migrate(db.sql, { dir }), migrate(db.sql, { dir })]);
    expect(results.flat()).toEqual(["99990101000000_extra"]);
    expect(await tableExists("extra_thing")).toBe(true);
    expect((await history()).filter((r) => r.migration_name === "99990101000000_extra")).toHaveLength(1);
  });

  it("rolls a failing migration back entirely and does not record it", async () => {
    addMigration("99990102000000_broken", `CREATE TABLE "half_done" ("id" INTEGER); SELECT * FROM "no_such_table";`);
    await expect(migrate(db.sql, { dir })).rejects.toThrow(/no_such_table/);
    expect(await tableExists("half_done")).toBe(false);
    expect((await history()).map((r) => r.migration_name)).not.toContain("99990102000000_broken");
    expect((await migrationStatus(db.sql, dir)).pending).toEqual(["99990102000000_broken"]);
    rmSync(join(dir, "99990102000000_broken"), { recursive: true });
  });

  it("refuses to migrate when an applied migration's file changed, naming it, and applies nothing", async () => {
    const changed = names[0]!;
    const file = join(dir, changed, "migration.sql");
    const original = readFileSync(file);
    appendFileSync(file, "\n-- edited after it was applied\n");
    addMigration("99990103000000_after_edit", `CREATE TABLE "after_edit" ("id" INTEGER);`);
    try {
      expect((await migrationStatus(db.sql, dir)).modified).toEqual([changed]);
      const error = await migrate(db.sql, { dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain(`${changed} changed after it was applied`);
      expect(await tableExists("after_edit")).toBe(false);
    } finally {
      writeFileSync(file, original);
    }
    // Restored byte for byte, the history matches again and the pending one goes through.
    expect(await migrate(db.sql, { dir })).toEqual(["99990103000000_after_edit"]);
  });

  it("refuses to migrate over a migration that started but never finished", async () => {
    addMigration("99990104000000_crashed", `CREATE TABLE "crashed" ("id" INTEGER);`);
    await db.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (gen_random_uuid()::text, $1, $2, now())`,
      [sha256(readFileSync(join(dir, "99990104000000_crashed", "migration.sql"))), "99990104000000_crashed"],
    );
    expect((await migrationStatus(db.sql, dir)).failed).toEqual(["99990104000000_crashed"]);
    await expect(migrate(db.sql, { dir })).rejects.toThrow(/99990104000000_crashed started but did not finish/);
    expect(await tableExists("crashed")).toBe(false);
  });
});
