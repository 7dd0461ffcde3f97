// The keyed chain (mac per event, key outside the database) and its checkpoints (signed, in the
// file store): what a database superuser can do to the log, and what verification must reveal.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { purgeTenant } from "@/server/services/tenants/purge-tenant";
import { LocalDiskStorage } from "@/server/storage";
import { createTestTenant } from "@/test/factories";
import { recordAudit } from ".";
import { checkpointName, checkpointTenant, deleteCheckpoint } from "./checkpoint";
import { parseAuditKeyRing, setAuditKeyRing } from "./keys";
import { verifyAuditChain } from "./verify-chain";

const KEY_A = "a1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
const KEY_B = "b2:QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

let root: string;
let storage: LocalDiskStorage;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "audit-checkpoints-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => setAuditKeyRing(undefined));

/** As the connecting role (a superuser in tests) with triggers off: the attacker the keyed chain is for. */
async function asSuperuser(sql: string, params: unknown[] = []) {
  const db = await getDatabase();
  await db.sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL session_replication_role = replica");
    await tx.query(sql, params);
  });
}

/** Recomputes every sha256 hash and link of the tenant's chain, as an attacker covering a rewrite would. */
const recomputeHashes = (tenantId: string) =>
  asSuperuser(`DO $$
    DECLARE r record; prev text;
    BEGIN
      FOR r IN SELECT id FROM audit_events WHERE tenant_id = '${tenantId}' ORDER BY seq LOOP
        UPDATE audit_events SET prev_hash = prev WHERE id = r.id;
        UPDATE audit_events e SET hash = audit_event_hash(prev, e) WHERE e.id = r.id RETURNING e.hash INTO prev;
      END LOOP;
    END $$`);

/**
 * Events from before the chain was keyed (mac NULL), as the migration that introduced the key left
 * them: written behind the trigger (which now refuses unkeyed events), their hashes chained.
 */
async function writeLegacyEvents(tenantId: string, n: number) {
  await asSuperuser(
    `INSERT INTO audit_events (id, tenant_id, seq, actor_type, actor_id, action, created_at)
     SELECT gen_random_uuid(), $1, i, 'user', 'legacy-user', 'legacy.event.' || i, now() - (($2::int - i) * interval '1 second')
       FROM generate_series(1, $2::int) AS i`,
    [tenantId, n],
  );
  await recomputeHashes(tenantId);
}

async function writeEvents(tenantId: string, n: number) {
  for (let i = 0; i < n; i++) {
    // Nested keys out of order, a Date, unicode: all must sign the same as jsonb gives them back.
    const diff = { z: i, a: { y: [1, "ü", null, { b: true, a: 0.1 }] }, at: new Date(), "10": "ten", "2": "two" };
    await withPrivilegedDb("test audit", (db) => recordAudit(db, { tenantId, action: `test.event.${i}`, targetType: "case", targetId: `c${i}`, diff }));
  }
}

const chainOf = (tenantId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.auditEvent.findMany({ where: { tenantId }, select: { id: true, seq: true, mac: true, macKeyId: true }, orderBy: { seq: "asc" } }),
  );
const verify = (tenantId: string) => withPrivilegedDb("test check", (db) => verifyAuditChain(db, tenantId, { storage }));
const sqlBreaks = (tenantId: string) =>
  withPrivilegedDb("test check", (db) => db.$queryRaw<unknown[]>`SELECT * FROM audit_chain_breaks(${tenantId}::uuid)`);
const checkpoint = (tenantId: string) => checkpointTenant((fn) => withPrivilegedDb("test checkpoint", fn), storage, tenantId);

describe("keyed audit chain", () => {
  it("signs every event with the first key, and an intact log verifies", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 3);
    const chain = await chainOf(tenant.id);
    expect(chain.every((e) => e.mac && e.macKeyId === "dev1")).toBe(true);
    expect(await verify(tenant.id)).toEqual({ ok: true, events: 3, legacyEvents: 0, checkpoint: null, breaks: [], warnings: [] });
  });

  it("reveals an event rewritten by a superuser who then recomputed every hash", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 4);
    const chain = await chainOf(tenant.id);
    await asSuperuser(`UPDATE audit_events SET actor_id = 'someone-else', diff = '{"z": 99}' WHERE id = $1`, [chain[1]!.id]);
    await recomputeHashes(tenant.id);
    // The sha256 chain alone is fooled…
    expect(await sqlBreaks(tenant.id)).toEqual([]);
    // …the macs are not: the rewritten event, and the next (whose signed prev_hash changed).
    const report = await verify(tenant.id);
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toEqual({ seq: 2, eventId: chain[1]!.id, reason: expect.stringContaining("mac mismatch") });
  });

  it("reveals a forged mac, an unkeyed event after keyed ones, and refuses unkeyed inserts", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 3);
    const chain = await chainOf(tenant.id);
    const db = await getDatabase();
    await expect(
      db.sql.query(`INSERT INTO audit_events (id, tenant_id, actor_type, action) VALUES (gen_random_uuid(), $1, 'system', 'forged')`, [tenant.id]),
    ).rejects.toThrow(/mac/);
    await asSuperuser(`UPDATE audit_events SET mac = NULL, mac_key_id = NULL WHERE id = $1`, [chain[2]!.id]);
    await asSuperuser(`UPDATE audit_events SET mac = $2 WHERE id = $1`, [chain[0]!.id, "x".repeat(43)]);
    const report = await verify(tenant.id);
    expect(report.breaks.map((b) => [b.seq, b.reason.split(":")[0]])).toEqual([
      [1, "mac mismatch"],
      [2, "mac mismatch"],
      [3, "unkeyed event after keyed ones"],
    ]);
  });

  it("reveals the newest events removed after a checkpoint, and never moves that checkpoint past the gap", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 3);
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 3 });
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "unchanged" });
    await writeEvents(tenant.id, 2);
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 5 });
    expect(await verify(tenant.id)).toMatchObject({ ok: true, events: 5, checkpoint: { seq: 5, at: expect.any(Date) } });

    // Truncating the tail leaves a shorter chain that is intact in itself…
    await asSuperuser(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq > 3`, [tenant.id]);
    expect(await sqlBreaks(tenant.id)).toEqual([]);
    expect((await withPrivilegedDb("t", (db) => verifyAuditChain(db, tenant.id, { storage: null }))).ok).toBe(true);
    // …but not to the checkpoint.
    const report = await verify(tenant.id);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([{ seq: 5, eventId: expect.any(String), reason: expect.stringMatching(/^missing: .* up to #5, the log ends at #3$/) }]);
    // New events do not launder the gap: the checkpoint stays as evidence.
    await writeEvents(tenant.id, 3);
    expect(await checkpoint(tenant.id)).toMatchObject({ outcome: "refused", reason: expect.stringContaining("#5") });
    expect((await verify(tenant.id)).ok).toBe(false);
  });

  it("refuses a checkpoint not signed with an audit key", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 2);
    await checkpoint(tenant.id);
    const stored = JSON.parse((await storage.getNamed(checkpointName(tenant.id)))!.toString()) as { seq: number };
    await storage.putNamed(checkpointName(tenant.id), Buffer.from(JSON.stringify({ ...stored, seq: 1 })));
    const report = await verify(tenant.id);
    // Not any event's fault: listed first, at position 0, naming no event.
    expect(report.breaks[0]).toEqual({ seq: 0, eventId: "", reason: expect.stringMatching(/signature does not verify/) });
    expect(await checkpoint(tenant.id)).toMatchObject({ outcome: "refused" });
  });

  it("after a key rotation, events and checkpoints signed with the old key still verify", async () => {
    const tenant = await createTestTenant();
    setAuditKeyRing(parseAuditKeyRing(KEY_A));
    await writeEvents(tenant.id, 2);
    await checkpoint(tenant.id);
    // The new key goes first: it signs from now on; the old one still verifies.
    setAuditKeyRing(parseAuditKeyRing(`${KEY_B},${KEY_A}`));
    await writeEvents(tenant.id, 2);
    expect((await chainOf(tenant.id)).map((e) => e.macKeyId)).toEqual(["a1", "a1", "b2", "b2"]);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, events: 4, checkpoint: { seq: 2 } });
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 4 });
    // Dropping the old key too early shows which events need it.
    setAuditKeyRing(parseAuditKeyRing(KEY_B));
    const report = await verify(tenant.id);
    expect(report.breaks.map((b) => b.seq)).toEqual([1, 2]);
    expect(report.breaks[0]!.reason).toContain('key "a1"');
  });

  it("still lets a deleted tenant's audit trail be purged, checkpoint included", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 3);
    await checkpoint(tenant.id);
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: new Date(Date.now() - 1000) } }));
    const result = await purgeTenant((fn) => withPrivilegedDb("test purge", fn), tenant.id);
    expect(result).toMatchObject({ purged: true, deleted: { AuditEvent: 3 } });
    expect(await chainOf(tenant.id)).toEqual([]);
    await deleteCheckpoint(storage, tenant.id);
    expect(await storage.getNamed(checkpointName(tenant.id))).toBeNull();
  });

  it("accepts the unkeyed events from before the key as a prefix the first keyed event vouches for, and counts them", async () => {
    const tenant = await createTestTenant();
    await writeLegacyEvents(tenant.id, 2);
    await writeEvents(tenant.id, 2);
    expect((await chainOf(tenant.id)).map((e) => e.macKeyId)).toEqual([null, null, "dev1", "dev1"]);
    expect(await verify(tenant.id)).toEqual({ ok: true, events: 4, legacyEvents: 2, checkpoint: null, breaks: [], warnings: [] });
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 4 });
    expect(await verify(tenant.id)).toMatchObject({ ok: true, legacyEvents: 2, checkpoint: { seq: 4 } });

    // A legacy event rewritten, every hash recomputed: the first keyed event signed the old hash.
    await asSuperuser(`UPDATE audit_events SET actor_id = 'someone-else' WHERE tenant_id = $1 AND seq = 1`, [tenant.id]);
    await recomputeHashes(tenant.id);
    expect(await sqlBreaks(tenant.id)).toEqual([]);
    expect((await verify(tenant.id)).breaks.map((b) => [b.seq, b.reason.split(":")[0]])).toEqual([
      [3, "mac mismatch"],
      [4, "mac mismatch"],
    ]);
  });

  it("reveals, by the checkpoint alone, unkeyed events rewritten with their hashes recomputed", async () => {
    const tenant = await createTestTenant();
    await writeLegacyEvents(tenant.id, 3);
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 3 });
    const chain = await chainOf(tenant.id);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, events: 3, legacyEvents: 3 });

    await asSuperuser(`UPDATE audit_events SET action = 'legacy.rewritten' WHERE tenant_id = $1 AND seq = 2`, [tenant.id]);
    await recomputeHashes(tenant.id);
    // No mac to break and a consistent sha256 chain: only the checkpointed hash has moved.
    expect(await sqlBreaks(tenant.id)).toEqual([]);
    // Without a file store there is no checkpoint to read, and nothing to warn about either.
    expect(await withPrivilegedDb("t", (db) => verifyAuditChain(db, tenant.id, { storage: null }))).toEqual({
      ok: true, events: 3, legacyEvents: 3, checkpoint: null, breaks: [], warnings: [],
    });
    expect((await verify(tenant.id)).breaks).toEqual([
      { seq: 3, eventId: chain[2]!.id, reason: expect.stringMatching(/^differs from the checkpoint of .*: the event was replaced$/) },
    ]);
  });

  it("lists breaks by position whichever check found them, and at most the first hundred", async () => {
    const tenant = await createTestTenant();
    await writeEvents(tenant.id, 4);
    const chain = await chainOf(tenant.id);
    // The database finds the change to #4 (hash not recomputed); only the macs reveal the forged #1,
    // and the database reports first.
    await asSuperuser(`UPDATE audit_events SET action = 'changed' WHERE id = $1`, [chain[3]!.id]);
    await asSuperuser(`UPDATE audit_events SET mac = $2 WHERE id = $1`, [chain[0]!.id, "x".repeat(43)]);
    expect((await verify(tenant.id)).breaks.map((b) => [b.seq, b.reason.split(":")[0]])).toEqual([
      [1, "mac mismatch"],
      [2, "mac mismatch"],
      [4, "hash mismatch"],
    ]);

    const long = await createTestTenant();
    await writeLegacyEvents(long.id, 103);
    await asSuperuser(`UPDATE audit_events SET action = 'changed' WHERE tenant_id = $1`, [long.id]);
    const report = await verify(long.id);
    expect(report).toMatchObject({ ok: false, events: 103 });
    expect(report.breaks.map((b) => b.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it("reveals a keyed event turned unkeyed: more unkeyed events than the checkpoint recorded", async () => {
    const tenant = await createTestTenant();
    await writeLegacyEvents(tenant.id, 2);
    await writeEvents(tenant.id, 2);
    expect(await checkpoint(tenant.id)).toEqual({ outcome: "written", seq: 4 });
    // The sha256 chain does not cover the mac: dropping it leaves that chain intact.
    await asSuperuser(`UPDATE audit_events SET mac = NULL, mac_key_id = NULL WHERE tenant_id = $1 AND seq = 3`, [tenant.id]);
    expect(await sqlBreaks(tenant.id)).toEqual([]);
    expect((await verify(tenant.id)).breaks).toEqual([
      { seq: 3, eventId: "", reason: expect.stringMatching(/^3 unkeyed events where the checkpoint of .* recorded 2$/) },
      { seq: 4, eventId: expect.any(String), reason: expect.stringContaining("mac mismatch") },
    ]);
  });

  it("reads a log longer than one batch to its end", async () => {
    const tenant = await createTestTenant();
    await writeLegacyEvents(tenant.id, 2001);
    expect(await withPrivilegedDb("t", (db) => verifyAuditChain(db, tenant.id, { storage: null }))).toMatchObject({ ok: true, events: 2001, legacyEvents: 2001 });
  });
});
