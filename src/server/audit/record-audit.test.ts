// What recordAudit stores from where: the input, the request context, or the system defaults
// (a job or a script has no request); and its refusal without a tenant.
import { describe, expect, it } from "vitest";
import { runWithContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTenant } from "@/test/factories";
import type { FileStorage } from "@/server/storage";
import { recordAudit } from "./index";
import { verifyAuditChain } from "./verify-chain";

const lastEvent = (tenantId: string, action: string) =>
  withPrivilegedDb("test check", (db) =>
    db.auditEvent.findFirstOrThrow({
      where: { tenantId, action },
      select: { actorType: true, actorId: true, targetType: true, targetId: true, requestId: true, ip: true, userAgent: true },
    }),
  );

describe("recordAudit", () => {
  it("outside a request: the system as actor, and no request, address or agent", async () => {
    const tenant = await createTestTenant("audit-sys");
    await withPrivilegedDb("test write", (db) => recordAudit(db, { action: "test.system", tenantId: tenant.id }));
    expect(await lastEvent(tenant.id, "test.system")).toEqual({
      actorType: "system",
      actorId: "system",
      targetType: null,
      targetId: null,
      requestId: null,
      ip: null,
      userAgent: null,
    });
  });

  it("in a request: its actor, tenant, request id, address and agent; an actor given wins", async () => {
    const tenant = await createTestTenant("audit-req");
    const context = {
      requestId: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f5a",
      ip: "203.0.113.9",
      userAgent: "script/1.0",
      actor: { type: "user" as const, id: tenant.users.AGENT.id },
      tenant: { id: tenant.id, slug: tenant.slug },
    };
    await runWithContext(context, () =>
      withPrivilegedDb("test write", async (db) => {
        await recordAudit(db, { action: "test.request", targetType: "case", targetId: "c-1" });
        await recordAudit(db, { action: "test.override", actor: { type: "apiKey", id: "k-1" } });
      }),
    );
    expect(await lastEvent(tenant.id, "test.request")).toEqual({
      actorType: "user",
      actorId: tenant.users.AGENT.id,
      targetType: "case",
      targetId: "c-1",
      requestId: context.requestId,
      ip: "203.0.113.9",
      userAgent: "script/1.0",
    });
    expect(await lastEvent(tenant.id, "test.override")).toMatchObject({ actorType: "apiKey", actorId: "k-1", requestId: context.requestId });
  });

  it("takes the tenant's chain lock, the one the database's trigger takes, before it reads the chain's head", async () => {
    const tenant = await createTestTenant("audit-lock");
    // The embedded database serialises transactions, so two writers never race here; what makes
    // them wait on a server is the lock, and only if its key is the trigger's exactly.
    const locksHeld = await withPrivilegedDb("test write", async (db) => {
      const held: bigint[] = [];
      const writer = {
        $executeRaw: db.$executeRaw.bind(db),
        // Passes every query through to the real transaction, noting first which advisory
        // locks it holds when recordAudit reads the head.
        $queryRaw: async (query: TemplateStringsArray, ...values: unknown[]) => {
          const rows = await db.$queryRaw<{ key: bigint }[]>`
            SELECT ((classid::bigint << 32) | objid::bigint) AS key FROM pg_locks
             WHERE locktype = 'advisory' AND granted AND objsubid = 1`;
          held.push(...rows.map((r) => r.key));
          return db.$queryRaw(query, ...values);
        },
        auditEvent: db.auditEvent,
      } as unknown as Parameters<typeof recordAudit>[0];
      await recordAudit(writer, { action: "test.locked", tenantId: tenant.id });
      const [trigger] = await db.$queryRaw<{ key: bigint }[]>`SELECT hashtextextended('audit:' || ${tenant.id}::uuid::text, 0) AS key`;
      return { held, key: trigger!.key };
    });
    expect(locksHeld.held).toEqual([locksHeld.key]);
  });

  it("refuses to write without a tenant, naming the action", async () => {
    await expect(withPrivilegedDb("test write", (db) => recordAudit(db, { action: "test.nowhere" }))).rejects.toThrow("recordAudit(test.nowhere) without a tenant");
    // A request without a tenant is no better.
    await expect(
      runWithContext({ requestId: "r" }, () => withPrivilegedDb("test write", (db) => recordAudit(db, { action: "test.nowhere" }))),
    ).rejects.toThrow("recordAudit(test.nowhere) without a tenant");
  });
});

describe("verifyAuditChain without its checkpoint", () => {
  it("warns that a checkpoint it could not read leaves removed newest events unnoticed, and still checks the chain", async () => {
    const tenant = await createTestTenant("audit-cp");
    await withPrivilegedDb("test write", (db) => recordAudit(db, { action: "test.one", tenantId: tenant.id }));
    const unreadable = { getNamed: async () => Promise.reject(new Error("store offline")) } as unknown as FileStorage;
    const report = await withPrivilegedDb("test check", (db) => verifyAuditChain(db, tenant.id, { storage: unreadable }));
    expect(report.warnings).toEqual(["The checkpoint could not be read (store offline); removed newest events would go unnoticed."]);
    expect(report.ok).toBe(true);
  });
});
