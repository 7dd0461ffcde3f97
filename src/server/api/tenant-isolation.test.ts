// The isolation matrix: every tenant-scoped procedure, attacked from tenant A with tenant B's ids,
// numbers and slug, by a user and by an API key. Each attack must fail as NOT_FOUND (or, for
// procedures without ids, return only A's rows) and leave everything B owns exactly as it was.
// A procedure added to the router without an entry here fails the coverage test below.
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail } from "@/server/services/cases/case-select";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError, rejectionOf } from "@/test/errors";
import {
  apiKeyCaller,
  callerFor,
  createTestApiKey,
  createTestCases,
  createTestTenant,
  type TestTenant,
} from "@/test/factories";
import { allProcedurePaths, callProcedure, platformAdminProcedurePaths, tenantProcedurePaths } from "@/test/procedures";
import { snapshotTenant } from "@/test/tenant-snapshot";
import { createWorkspaceRows, uniqueEmail, type WorkspaceRows } from "@/test/workspace-fixtures";
import { encodeCaseCursor } from "@/server/services/cases/list-cases";

interface Fixture {
  a: TestTenant;
  b: TestTenant;
  aCases: CaseDetail[];
  /** Ten cases; A never holds more than three here, so B's #10 does not exist in A. */
  bCases: CaseDetail[];
  aKey: string;
  /** An API key of B, for procedures that take a key id. */
  bKeyId: string;
  /** A waiting job of B. */
  bJobId: string;
  /** A pending invitation of B. */
  bInvitationId: string;
  /** B's customer, shared view and a notification of B's agent. */
  bRows: WorkspaceRows;
}

interface IsolationCase {
  /** What the attack tries. */
  name: string;
  /** A valid input that names B's rows (or tries to reach B some other way). */
  input: (fx: Fixture) => unknown;
  /** What a caller of A gets back: NOT_FOUND, or a result that must hold only A's data. */
  expect: "NOT_FOUND" | ((result: unknown, fx: Fixture) => void | Promise<void>);
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** The owning tenant of each case id, read the privileged way. */
async function tenantsOfCases(ids: string[]): Promise<string[]> {
  const rows = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { id: { in: ids } }, select: { tenantId: true } }));
  expect(rows).toHaveLength(ids.length);
  return [...new Set(rows.map((r) => r.tenantId))];
}

/** How many cases the tenant has, read the privileged way. */
const caseCountOf = (tenantId: string) => withPrivilegedDb("test check", (db) => db.case.count({ where: { tenantId } }));

/** Keyed by procedure path. Every tenant procedure needs at least one entry. */
const ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "tenant.update": [
    {
      // Taking B's slug as A is a CONFLICT (tenant-settings.test.ts); here: a rename touches only A.
      name: "renames the tenant of the slug, never another",
      input: (fx) => ({ name: "Isolation A", slug: fx.a.slug }),
      expect: (result, fx) => expect(result).toMatchObject({ id: fx.a.id, slug: fx.a.slug }),
    },
  ],
  "tenant.updateSettings": [
    {
      name: "writes the settings of the slug's tenant only",
      input: () => ({ timeZone: "Europe/Amsterdam", businessUnits: ["Isolation"] }),
      expect: (result) => expect(result).toMatchObject({ timeZone: "Europe/Amsterdam", businessUnits: ["Isolation"] }),
    },
  ],
  "tenant.scheduleDeletion": [
    {
      name: "schedules the slug's tenant only (A is unscheduled again at once)",
      input: (fx) => ({ confirmSlug: fx.a.slug }),
      expect: async (result, fx) => {
        expect(result).toMatchObject({ deletionScheduledFor: expect.any(Date) });
        const [a, b] = await withPrivilegedDb("test check", async (db) => [
          await db.tenant.update({ where: { id: fx.a.id }, data: { deletionScheduledFor: null }, select: { deletionScheduledFor: true } }),
          await db.tenant.findUniqueOrThrow({ where: { id: fx.b.id }, select: { deletionScheduledFor: true } }),
        ]);
        expect([a.deletionScheduledFor, b.deletionScheduledFor]).toEqual([null, null]);
      },
    },
  ],
  "tenant.cancelDeletion": [
    {
      name: "cancels nothing of another tenant",
      input: () => undefined,
      expect: (result) => expect(result).toEqual({ deletionScheduledFor: null }),
    },
  ],
  "tenant.current": [
    {
      name: "reads the tenant of the slug, never another",
      input: () => undefined,
      expect: (result, fx) => expect(result).toMatchObject({ id: fx.a.id, slug: fx.a.slug }),
    },
  ],
  "cases.list": [
    {
      name: "lists A's rows and no row of B",
      input: () => ({ limit: 100 }),
      expect: async (result, fx) => {
        const ids = idsOf((result as { items: CaseDetail[] }).items);
        expect(ids).toEqual(expect.arrayContaining(idsOf(fx.aCases)));
        expect(await tenantsOfCases(ids)).toEqual([fx.a.id]);
      },
    },
    {
      name: "a cursor naming B's case yields nothing of B",
      input: (fx) => ({
        limit: 100,
        cursor: encodeCaseCursor({ s: "created", o: "desc", k: [fx.bCases[2]!.createdAt.toISOString()], id: fx.bCases[2]!.id }),
      }),
      expect: (result, fx) =>
        expect(idsOf((result as { items: CaseDetail[] }).items).filter((id) => idsOf(fx.bCases).includes(id))).toEqual([]),
    },
    {
      name: "searching B's title finds nothing",
      input: (fx) => ({ q: fx.bCases[0]!.title }),
      expect: (result) => expect((result as { items: CaseDetail[] }).items).toEqual([]),
    },
  ],
  "cases.get": [
    { name: "B's case id", input: (fx) => ({ id: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "a number only B has", input: (fx) => ({ number: fx.bCases[9]!.number }), expect: "NOT_FOUND" },
    {
      name: "a number both have resolves to A's case",
      input: (fx) => ({ number: fx.aCases[0]!.number }),
      expect: (result, fx) => expect((result as CaseDetail).id).toBe(fx.aCases[0]!.id),
    },
  ],
  "cases.create": [
    {
      // Input schemas strip unknown keys; this proves a smuggled tenantId is not honoured anywhere.
      name: "a smuggled tenantId of B is ignored: the case lands in A",
      input: (fx) => ({ title: "Smuggled into B?", tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as CaseDetail).id;
        const row = await withPrivilegedDb("test check", (db) => db.case.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "members.list": [
    {
      name: "lists A's members and none of B's",
      input: () => undefined,
      expect: (result, fx) => {
        const ids = (result as { userId: string }[]).map((m) => m.userId);
        expect(ids.sort()).toEqual(Object.values(fx.a.users).map((u) => u.id).sort());
      },
    },
  ],
  "members.updateRole": [{ name: "B's member", input: (fx) => ({ userId: fx.b.users.AGENT.id, role: "VIEWER" }), expect: "NOT_FOUND" }],
  "members.remove": [{ name: "B's member", input: (fx) => ({ userId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" }],
  "apiKeys.list": [
    {
      name: "lists A's keys and none of B's",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((k) => k.id)).not.toContain(fx.bKeyId),
    },
  ],
  "apiKeys.create": [
    {
      name: "a smuggled tenantId of B is ignored: the key belongs to A",
      input: (fx) => ({ name: "Smuggled key", role: "VIEWER", tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { apiKey: { id: string } }).apiKey.id;
        const row = await withPrivilegedDb("test check", (db) => db.apiKey.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "apiKeys.revoke": [{ name: "B's key", input: (fx) => ({ id: fx.bKeyId }), expect: "NOT_FOUND" }],
  "audit.list": [
    {
      name: "lists A's events only, even filtered by B's target",
      input: (fx) => ({ targetId: fx.bCases[0]!.id }),
      expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
  ],
  // ---- Case workspace ----
  "cases.counts": [
    {
      name: "counts A's cases only",
      input: () => ({}),
      expect: async (result, fx) => expect((result as { all: number }).all).toBe(await caseCountOf(fx.a.id)),
    },
  ],
  "cases.timeline": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[1]!.id }), expect: "NOT_FOUND" }],
  "cases.update": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, version: fx.bCases[0]!.version, title: "Hijacked" }), expect: "NOT_FOUND" },
    {
      name: "A's case linked to B's customer",
      input: (fx) => ({ id: fx.aCases[0]!.id, version: 1, customerId: fx.bRows.customerId }),
      expect: "NOT_FOUND",
    },
  ],
  "cases.transition": [{ name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, to: "OPEN" }), expect: "NOT_FOUND" }],
  "cases.assign": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, assigneeId: null }), expect: "NOT_FOUND" },
    { name: "A's case to B's agent", input: (fx) => ({ id: fx.aCases[0]!.id, assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
  ],
  "cases.follow": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, userId: fx.a.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's case for B's agent", input: (fx) => ({ id: fx.aCases[0]!.id, userId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
  ],
  "cases.unfollow": [{ name: "B's case", input: (fx) => ({ id: fx.bCases[1]!.id, userId: fx.b.users.OWNER.id }), expect: "NOT_FOUND" }],
  "cases.addMessage": [
    { name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id, kind: "INTERNAL_NOTE", body: "Planted note" }), expect: "NOT_FOUND" },
  ],
  "cases.merge": [
    { name: "B's case into A's", input: (fx) => ({ sourceId: fx.bCases[0]!.id, targetId: fx.aCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "A's case into B's", input: (fx) => ({ sourceId: fx.aCases[0]!.id, targetId: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
  ],
  "cases.bulkUpdate": [
    {
      name: "B's ids match nothing",
      input: (fx) => ({ target: { ids: fx.bCases.map((c) => c.id) }, priority: "URGENT", addTags: ["hijacked"] }),
      expect: (result) => expect(result).toMatchObject({ matched: 0, updated: 0 }),
    },
    {
      name: "a filter naming B's customer matches nothing",
      input: (fx) => ({ target: { filter: { customerId: fx.bRows.customerId } }, priority: "LOW" }),
      expect: (result) => expect(result).toMatchObject({ matched: 0, updated: 0 }),
    },
  ],
  "customers.list": [
    {
      name: "B's customer's exact email finds nothing",
      input: (fx) => ({ q: fx.bRows.customerEmail }),
      expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
    {
      name: "B's customer's name finds nothing",
      input: () => ({ q: "Private Customer" }),
      expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
  ],
  "customers.get": [{ name: "B's customer", input: (fx) => ({ id: fx.bRows.customerId }), expect: "NOT_FOUND" }],
  "customers.create": [
    {
      name: "a smuggled tenantId of B is ignored: the customer lands in A",
      input: (fx) => ({ name: "Smuggled", email: uniqueEmail("smuggled"), tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.customer.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "customers.update": [{ name: "B's customer", input: (fx) => ({ id: fx.bRows.customerId, version: 1, name: "Hijacked" }), expect: "NOT_FOUND" }],
  "customers.rotateEncryption": [
    {
      name: "enqueues a job of A only",
      input: () => ({}),
      expect: async (result, fx) => {
        const id = (result as { jobId: string }).jobId;
        const row = await withPrivilegedDb("test check", (db) => db.job.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "views.list": [
    {
      name: "none of B's views, shared ones included",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((v) => v.id)).not.toContain(fx.bRows.viewId),
    },
  ],
  "views.create": [
    {
      name: "a smuggled tenantId of B is ignored: the view lands in A",
      input: (fx) => ({ name: "Smuggled view", filters: {}, shared: true, tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.savedView.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "views.update": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId, name: "Hijacked" }), expect: "NOT_FOUND" }],
  "views.delete": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId }), expect: "NOT_FOUND" }],
  "notifications.list": [
    {
      name: "none of B's notifications",
      input: () => ({}),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((n) => n.id)).not.toContain(fx.bRows.notificationId),
    },
  ],
  "notifications.markRead": [{ name: "B's notification", input: (fx) => ({ ids: [fx.bRows.notificationId] }), expect: "NOT_FOUND" }],
  "tenant.overview": [
    {
      name: "counts A's cases only",
      input: () => undefined,
      expect: async (result, fx) => {
        const byStatus = (result as { byStatus: Record<string, number> }).byStatus;
        expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(await caseCountOf(fx.a.id));
      },
    },
  ],
  "audit.verify": [
    {
      name: "verifies A's chain only",
      input: () => undefined,
      expect: async (result, fx) => {
        const aEvents = await withPrivilegedDb("test check", (db) => db.auditEvent.count({ where: { tenantId: fx.a.id } }));
        expect(result).toMatchObject({ ok: true, events: aEvents });
      },
    },
  ],
  "audit.recordExport": [
    {
      name: "records the export in A's log only, even filtered by B's ids",
      input: (fx) => ({ targetId: fx.bCases[0]!.id }),
      expect: async (result, fx) => {
        expect(result).toEqual({ recorded: true });
        const exports = await withPrivilegedDb("test check", (db) =>
          db.auditEvent.groupBy({ by: ["tenantId"], where: { action: "audit.exported", tenantId: { in: [fx.a.id, fx.b.id] } }, _count: true }),
        );
        expect(exports.map((e) => e.tenantId)).toEqual([fx.a.id]);
      },
    },
  ],
  "jobs.list": [
    {
      name: "lists A's jobs and none of B's",
      input: () => ({ limit: 100 }),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((j) => j.id)).not.toContain(fx.bJobId),
    },
  ],
  "jobs.get": [{ name: "B's job", input: (fx) => ({ id: fx.bJobId }), expect: "NOT_FOUND" }],
  "jobs.cancel": [{ name: "B's job", input: (fx) => ({ id: fx.bJobId }), expect: "NOT_FOUND" }],
  "invitations.list": [
    {
      name: "lists A's invitations and none of B's",
      input: () => ({ limit: 100 }),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(fx.bInvitationId),
    },
  ],
  "invitations.create": [
    {
      // An address B invited: A inviting it must touch nothing of B (B's pending invitation stays).
      name: "invites B's invited address into A only",
      input: (fx) => ({ email: `isolation-${fx.b.slug}@example.test`, role: "VIEWER" }),
      expect: async (result, fx) => {
        const id = (result as { invitation: { id: string } }).invitation.id;
        const row = await withPrivilegedDb("test check", (db) => db.invitation.findUniqueOrThrow({ where: { id }, select: { tenantId: true } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "invitations.resend": [{ name: "B's invitation", input: (fx) => ({ id: fx.bInvitationId }), expect: "NOT_FOUND" }],
  "invitations.revoke": [{ name: "B's invitation", input: (fx) => ({ id: fx.bInvitationId }), expect: "NOT_FOUND" }],
  "imports.list": [
    {
      name: "lists A's imports and none of B's",
      input: () => ({ limit: 100 }),
      expect: (result) => expect((result as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(importFx.bImportId),
    },
  ],
  "imports.get": [{ name: "B's import", input: () => ({ id: importFx.bImportId }), expect: "NOT_FOUND" }],
  "imports.setMapping": [{ name: "B's import", input: () => ({ id: importFx.bImportId, mapping: { title: "Title" } }), expect: "NOT_FOUND" }],
  "imports.cancel": [{ name: "B's import", input: () => ({ id: importFx.bImportId }), expect: "NOT_FOUND" }],
  "imports.exportCases": [
    {
      name: "a filter naming B's customer exports nothing of B",
      input: (fx) => ({ customerId: fx.bRows.customerId }),
      expect: (result) => expect(result).toMatchObject({ expected: 0 }),
    },
  ],
  "imports.exports": [
    {
      name: "lists A's export files and none of B's",
      input: () => ({ limit: 100 }),
      expect: (result) => expect((result as { items: { id: string }[] }).items.map((f) => f.id)).not.toContain(importFx.bExportFileId),
    },
  ],
  "jobs.retry": [
    {
      // retry only touches dead, failed or cancelled jobs; B's is pending, so even a leak would be a no-op.
      // The job is B's and must stay exactly as it is (the snapshot checks it).
      name: "B's job",
      input: (fx) => ({ id: fx.bJobId }),
      expect: "NOT_FOUND",
    },
  ],
};

/** Procedures that are not tenant-scoped, each with the reason it may skip the tenant middleware. */
const NOT_TENANT_SCOPED: Record<string, string> = {
  "auth.signUp": "public: creates a new tenant for a new user",
  "tenant.mine": "lists the caller's own memberships; checked below",
  // Platform administration spans tenants by design; src/server/api/routers/admin/admin.test.ts
  // checks that every one of them refuses tenant members and API keys.
  ...Object.fromEntries(platformAdminProcedurePaths().map((path) => [path, "platform admin only (admin.test.ts)"])),
  "invitations.preview": "public: the token in the link names the invitation; tested in invitations.test.ts",
  "invitations.accept": "signed-in invitee, not yet a member: the token and the invited email decide",
  "invitations.signUp": "public: creates the invited account and joins through the token",
  "account.requestPasswordReset": "public: users are not tenant-owned",
  "account.resetPassword": "public: the reset token decides",
  "account.changePassword": "the signed-in user's own account",
};

const TENANT_PROCEDURES = tenantProcedurePaths();

let fx: Fixture;

beforeAll(async () => {
  const [a, b] = await Promise.all([createTestTenant("iso-a"), createTestTenant("iso-b")]);
  const base = {
    a,
    b,
    aCases: await createTestCases(a, ["Alpha one"]),
    bCases: await createTestCases(b, Array.from({ length: 10 }, (_, i) => `Bravo secret ${i + 1}`)),
    aKey: await createTestApiKey(a, { role: "OWNER" }),
    bJobId: await withPrivilegedDb("test fixture", async (db) =>
      (await db.job.create({ data: { tenantId: b.id, type: "isolation.fixture", payload: {}, runAt: new Date(Date.now() + 86_400_000) } })).id,
    ),
    bKeyId: await createTestApiKey(b).then(() =>
      withPrivilegedDb("test fixture", async (db) => (await db.apiKey.findFirstOrThrow({ where: { tenantId: b.id } })).id),
    ),
  };
  const bInvitationId = await withPrivilegedDb("test fixture", async (db) =>
    (await db.invitation.create({
      data: { tenantId: b.id, email: `isolation-${b.slug}@example.test`, role: "AGENT", tokenHash: `iso-${b.id}`, expiresAt: new Date(Date.now() + 86_400_000) },
    })).id,
  );
  fx = { ...base, bInvitationId, bRows: await createWorkspaceRows(b, base.bCases[1]!.id) };
});

/** B's import and export file, for the imports procedures (created after fx, which names B). */
const importFx = { bImportId: "", bExportFileId: "" };
beforeAll(async () => {
  await withPrivilegedDb("test fixture", async (db) => {
    const file = (purpose: string) =>
      db.storedFile.create({
        data: { tenantId: fx.b.id, purpose, filename: `${purpose}.csv`, contentType: "text/csv", size: 0n, sha256: "0".repeat(64), storageKey: `isolation/${purpose}/${fx.b.id}` },
      });
    const upload = await file("import");
    importFx.bImportId = (await db.import.create({ data: { tenantId: fx.b.id, entity: "cases", fileId: upload.id, headers: ["Title"] } })).id;
    importFx.bExportFileId = (await file("export")).id;
  });
});

describe("isolation matrix", () => {
  it("has an isolation case for every tenant procedure, and classifies every other procedure", () => {
    expect(TENANT_PROCEDURES.length).toBeGreaterThan(0);
    expect(Object.keys(ISOLATION_CASES).sort()).toEqual(TENANT_PROCEDURES);
    const others = allProcedurePaths().filter((path) => !TENANT_PROCEDURES.includes(path));
    expect(Object.keys(NOT_TENANT_SCOPED).sort()).toEqual(others);
  });

  describe.each(TENANT_PROCEDURES)("%s", (path) => {
    const cases = ISOLATION_CASES[path] ?? [];

    it.each(cases.map((c) => [c.name, c] as const))("%s — as A's member and as A's API key, B unchanged", async (_, c) => {
      const before = await snapshotTenant(fx.b.id);
      const asMember = await callerFor(fx.a.users.OWNER, fx.a.slug);
      // The key names no slug: it is bound to A by itself.
      const asKey = await apiKeyCaller(fx.aKey);
      for (const [actor, caller] of [["member", asMember], ["API key", asKey]] as const) {
        const call = callProcedure(caller, path, c.input(fx));
        if (c.expect === "NOT_FOUND") {
          const error = await rejectionOf(call);
          expect(error.code, `${actor}: ${error.message}`).toBe("NOT_FOUND");
        } else {
          await c.expect(await call, fx);
        }
      }
      expect(await snapshotTenant(fx.b.id)).toEqual(before);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s — with B's slug: NOT_FOUND for A's member, A's key, B unchanged", async (_, c) => {
      const before = await snapshotTenant(fx.b.id);
      await expectAppError(callProcedure(await callerFor(fx.a.users.OWNER, fx.b.slug), path, c.input(fx)), "NOT_FOUND");
      await expectAppError(callProcedure(await apiKeyCaller(fx.aKey, fx.b.slug), path, c.input(fx)), "NOT_FOUND");
      expect(await snapshotTenant(fx.b.id)).toEqual(before);
    });
  });
});

describe("cross-tenant access by slug", () => {
  it("a user of B naming A's slug gets NOT_FOUND, the same answer as for a slug that does not exist", async () => {
    const foreign = await rejectionOf((await callerFor(fx.b.users.OWNER, fx.a.slug)).cases.list({}));
    const missing = await rejectionOf((await callerFor(fx.b.users.OWNER, "no-such-tenant")).cases.list({}));
    expect(foreign.code).toBe("NOT_FOUND");
    // Nothing tells an outsider that the tenant exists.
    expect({ message: foreign.message, details: foreign.details }).toEqual({ message: missing.message, details: missing.details });
  });

  it("an API key of B sending A's slug header gets NOT_FOUND", async () => {
    const bKey = await createTestApiKey(fx.b, { role: "OWNER" });
    await expectAppError((await apiKeyCaller(bKey, fx.a.slug)).cases.list({}), "NOT_FOUND");
    // The same key with its own slug works, so the refusal above is about the slug.
    await expect((await apiKeyCaller(bKey, fx.b.slug)).cases.list({})).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it("a member of both tenants reaches B's rows only under B's slug", async () => {
    const dual = fx.a.users.AGENT;
    await withPrivilegedDb("test fixture", (db) => db.membership.create({ data: { tenantId: fx.b.id, userId: dual.id, role: "VIEWER" } }));
    const inA = await callerFor(dual, fx.a.slug);
    await expectAppError(inA.cases.get({ id: fx.bCases[0]!.id }), "NOT_FOUND");
    expect(await tenantsOfCases(idsOf((await inA.cases.list({ limit: 100 })).items))).toEqual([fx.a.id]);
    const inB = await callerFor(dual, fx.b.slug);
    expect((await inB.cases.get({ id: fx.bCases[0]!.id })).title).toBe(fx.bCases[0]!.title);
    // B granted only VIEWER: A's AGENT role does not carry over.
    await expectAppError(inB.cases.create({ title: "Written with A's role?" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("tenant.mine lists only the caller's own tenants", async () => {
    const mine = await (await callerFor(fx.b.users.VIEWER)).tenant.mine();
    expect(mine.map((t) => t.slug)).toEqual([fx.b.slug]);
  });
});
