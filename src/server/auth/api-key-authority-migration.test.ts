// The migration that records each API key's authority backfills the keys that exist: a key made in
// a session stands on its maker; a key made by a key (no maker recorded) on the authority of the
// key the audit trail names as its maker; and a key whose authority already left is revoked.
// Runs the real migration files on a database of its own (a second in-memory PGlite).
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/connection";
import { MIGRATIONS_DIR, migrate } from "@/server/db/migrations";

const MIGRATION = "20261130000100_api_key_authority";

let db: Database;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "caseboard-authority-"));
  // Every migration before this one: the database as it was when the keys were made.
  for (const name of readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    if (name < MIGRATION) cpSync(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  }
  db = await openDatabase({ dataDir: "memory://" });
  await migrate(db.sql, { dir });
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`${MIGRATION} backfill`, () => {
  it("gives every key the authority of the member behind it, through chains of keys, and revokes orphans", async () => {
    const q = (sql: string, params: unknown[] = []) => db.sql.query(sql, params);
    const tenant = randomUUID();
    await q(`INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, 'T', $2, now())`, [tenant, `t-${tenant.slice(0, 8)}`]);
    const [admin, gone] = [randomUUID(), randomUUID()];
    for (const user of [admin, gone]) {
      await q(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'U', 'x', now())`, [user, `${user}@example.test`]);
    }
    await q(`INSERT INTO memberships (id, tenant_id, user_id, role, updated_at) VALUES ($1, $2, $3, 'ADMIN', now())`, [randomUUID(), tenant, admin]);
    // `gone` made a key in a session, then left (before this fix, removal revoked only that key,
    // so its own key is revoked and the one it minted is not).
    const key = async (createdBy: string | null, opts: { madeBy?: string; revoked?: boolean } = {}) => {
      const id = randomUUID();
      await q(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, hash, role, created_by_id, revoked_at) VALUES ($1, $2, 'k', 'p', $3, 'ADMIN', $4, $5)`,
        [id, tenant, randomUUID(), createdBy, opts.revoked ? new Date() : null],
      );
      if (opts.madeBy) {
        await q(
          `INSERT INTO audit_events (id, tenant_id, actor_type, actor_id, action, target_type, target_id) VALUES ($1, $2, 'apiKey', $3, 'api_key.created', 'api_key', $4)`,
          [randomUUID(), tenant, opts.madeBy, id],
        );
      }
      return id;
    };
    const adminKey = await key(admin);
    const minted = await key(null, { madeBy: adminKey });
    const mintedByMinted = await key(null, { madeBy: minted });
    const operatorKey = await key(null);
    const fromOperator = await key(null, { madeBy: operatorKey });
    const goneKey = await key(gone, { revoked: true });
    const goneMinted = await key(null, { madeBy: goneKey });

    cpSync(join(MIGRATIONS_DIR, MIGRATION), join(dir, MIGRATION), { recursive: true });
    expect(await migrate(db.sql, { dir })).toEqual([MIGRATION]);

    const rows = await q(`SELECT id::text, authority_user_id::text AS authority, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE tenant_id = $1`, [tenant]);
    const byId = Object.fromEntries(rows.map((r) => [r.id as string, { authority: r.authority, revoked: r.revoked }]));
    expect(byId[adminKey]).toEqual({ authority: admin, revoked: false });
    expect(byId[minted]).toEqual({ authority: admin, revoked: false });
    expect(byId[mintedByMinted]).toEqual({ authority: admin, revoked: false });
    expect(byId[operatorKey]).toEqual({ authority: null, revoked: false });
    expect(byId[fromOperator]).toEqual({ authority: null, revoked: false });
    expect(byId[goneKey]).toEqual({ authority: gone, revoked: true });
    expect(byId[goneMinted]).toEqual({ authority: gone, revoked: true });
    // The runner's own bookkeeping ran after the migration: the role was reset.
    expect((await q(`SELECT current_user::text AS role`))[0]!.role).not.toMatch(/^caseboard_/);
  });
});
