import { describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { callerFor, createTestTenant } from "@/test/factories";
import { verifyAuditChain } from "./verify-chain";

/** As the connecting role (a superuser in tests), with triggers off: what an attacker with
 *  database access could do, and what the chain must reveal. */
async function tamper(sql: string, params: unknown[]) {
  const db = await getDatabase();
  await db.sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL session_replication_role = replica");
    await tx.query(sql, params);
  });
}

const chainOf = (tenantId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.auditEvent.findMany({ where: { tenantId }, select: { id: true, seq: true, prevHash: true, hash: true }, orderBy: { seq: "asc" } }),
  );

describe("audit chain", () => {
  it("links every event to the one before, even when written concurrently", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await Promise.all(Array.from({ length: 12 }, (_, i) => agent.cases.create({ title: `Chained case ${i}` })));
    const chain = await chainOf(tenant.id);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(chain[0]!.prevHash).toBeNull();
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(new Set(chain.map((e) => e.hash)).size).toBe(12);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    expect(await admin.audit.verify()).toEqual({ ok: true, events: 12, legacyEvents: 0, checkpoint: null, breaks: [], warnings: [] });
  });

  it("cannot be changed or deleted, by the app or even by the table's owner", async () => {
    const tenant = await createTestTenant();
    await (await callerFor(tenant.users.AGENT, tenant.slug)).cases.create({ title: "Immutable" });
    await expect(
      withTenantDb(tenant.id, (db) => db.$executeRaw`UPDATE audit_events SET action = 'x' WHERE tenant_id = ${tenant.id}::uuid`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTenantDb(tenant.id, (db) => db.$executeRaw`DELETE FROM audit_events WHERE tenant_id = ${tenant.id}::uuid`),
    ).rejects.toThrow(/permission denied/);
    // The connecting role bypasses grants and RLS; the trigger still refuses.
    const db = await getDatabase();
    await expect(db.sql.query(`UPDATE audit_events SET action = 'x' WHERE tenant_id = $1`, [tenant.id])).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`DELETE FROM audit_events WHERE tenant_id = $1`, [tenant.id])).rejects.toThrow(/append-only/);
  });

  it("reveals an event changed behind the triggers' back", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    for (let i = 0; i < 4; i++) await agent.cases.create({ title: `Case ${i}` });
    const chain = await chainOf(tenant.id);
    await tamper(`UPDATE audit_events SET actor_id = 'someone-else' WHERE id = $1`, [chain[1]!.id]);
    const report = await withPrivilegedDb("test check", (db) => verifyAuditChain(db, tenant.id));
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([{ seq: 2, eventId: chain[1]!.id, reason: expect.stringContaining("hash mismatch") }]);
  });

  it("reveals a deleted event, and a forged replacement", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    for (let i = 0; i < 4; i++) await agent.cases.create({ title: `Case ${i}` });
    const chain = await chainOf(tenant.id);
    await tamper(`DELETE FROM audit_events WHERE id = $1`, [chain[1]!.id]);
    let report = await withPrivilegedDb("test check", (db) => verifyAuditChain(db, tenant.id));
    expect(report.breaks[0]).toMatchObject({ seq: 3, reason: expect.stringContaining("sequence gap") });
    // Renumbering to hide the gap breaks the links instead.
    await tamper(`UPDATE audit_events SET seq = seq - 1 WHERE tenant_id = $1 AND seq > 2`, [tenant.id]);
    report = await withPrivilegedDb("test check", (db) => verifyAuditChain(db, tenant.id));
    expect(report.breaks[0]).toMatchObject({ seq: 2, reason: expect.stringMatching(/link broken|hash mismatch/) });
  });
});
