// Isolation attacks on the tenant's administration and background work: tenant, members, API
// keys, audit, invitations, jobs, imports and exports.
import { expect } from "vitest";
import { OPEN_STATUSES } from "@/lib/case-status";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { caseCountOf, type IsolationCase } from "./fixture";

const chatWidgetsOf = (a: string, b: string) =>
  withPrivilegedDb("test check", async (db) => {
    const rows = await db.chatWidget.findMany({ where: { tenantId: { in: [a, b] } }, select: { tenantId: true, publicId: true, greeting: true, secretCiphertext: true, logoUpdatedAt: true } });
    return { a: rows.find((r) => r.tenantId === a), b: rows.find((r) => r.tenantId === b) };
  });

export const ADMINISTRATION_ISOLATION_CASES: Record<string, IsolationCase[]> = {
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
  "tenant.renameChoice": [
    {
      name: "renames on A's settings and cases only; B's case of the same category keeps it",
      input: () => ({ list: "caseCategories", from: "Question", to: "Isolation question" }),
      expect: async (result, fx) => {
        expect(result).toMatchObject({ cases: 1, settings: { caseCategories: expect.arrayContaining(["Isolation question"]) } });
        const [bCase, bTenant] = await withPrivilegedDb("test check", async (db) => [
          await db.case.findFirstOrThrow({ where: { tenantId: fx.b.id, id: fx.bCases[3]!.id }, select: { category: true } }),
          await db.tenant.findUniqueOrThrow({ where: { id: fx.b.id }, select: { settings: true } }),
        ]);
        expect(bCase.category).toBe("Question");
        expect(JSON.stringify(bTenant.settings)).not.toContain("Isolation question");
        // Back to "Question" for the next caller (member, then API key).
        await withPrivilegedDb("test cleanup", async (db) => {
          const { settings } = await db.tenant.findUniqueOrThrow({ where: { id: fx.a.id }, select: { settings: true } });
          const categories = (settings as { caseCategories: string[] }).caseCategories.map((c) => (c === "Isolation question" ? "Question" : c));
          await db.tenant.update({ where: { id: fx.a.id }, data: { settings: { ...(settings as object), caseCategories: categories } } });
          await db.case.updateMany({ where: { tenantId: fx.a.id, category: "Isolation question" }, data: { category: "Question" } });
        });
      },
    },
  ],
  "chatWidget.get": [
    {
      name: "reads the slug's tenant's widget, never B's",
      input: () => ({}),
      expect: async (result, fx) => {
        const widgets = await chatWidgetsOf(fx.a.id, fx.b.id);
        expect(result).toMatchObject({ publicId: widgets.a?.publicId });
        expect((result as { publicId: string }).publicId).not.toBe(widgets.b?.publicId);
      },
    },
  ],
  "chatWidget.update": [
    {
      name: "changes A's widget only",
      input: () => ({ greeting: "Isolation hello", allowedOrigins: ["https://a.example"] }),
      expect: async (result, fx) => {
        const widgets = await chatWidgetsOf(fx.a.id, fx.b.id);
        expect(result).toMatchObject({ publicId: widgets.a?.publicId, greeting: "Isolation hello" });
        expect(widgets.b?.greeting).not.toBe("Isolation hello");
      },
    },
  ],
  "chatWidget.rotateSecret": [
    {
      name: "gives A's widget a new secret; B's keeps its own",
      input: () => ({}),
      expect: async (result, fx) => {
        const widgets = await chatWidgetsOf(fx.a.id, fx.b.id);
        expect(result).toMatchObject({ secret: expect.stringMatching(/^cws_/), settings: { publicId: widgets.a?.publicId, hasSecret: true } });
        expect(widgets.b?.secretCiphertext).toBe(fx.bRows.chatWidgetSecret);
      },
    },
  ],
  "chatWidget.setLogo": [
    {
      name: "gives A's widget the logo; B's has none",
      // A 1×1 PNG.
      input: () => ({ image: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==" }),
      expect: async (result, fx) => {
        const widgets = await chatWidgetsOf(fx.a.id, fx.b.id);
        expect(result).toMatchObject({ publicId: widgets.a?.publicId, logoUrl: expect.stringContaining(widgets.a!.publicId) });
        expect(widgets.b?.logoUpdatedAt).toBeNull();
      },
    },
  ],
  "chatWidget.removeLogo": [
    {
      name: "removes A's widget's logo only",
      input: () => ({}),
      expect: async (result, fx) => {
        const widgets = await chatWidgetsOf(fx.a.id, fx.b.id);
        expect(result).toMatchObject({ publicId: widgets.a?.publicId, logoUrl: null });
        expect(widgets.a?.logoUpdatedAt).toBeNull();
      },
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
  "tenant.pulse": [
    {
      name: "counts A's open cases and unresolved alerts only",
      input: () => undefined,
      expect: async (result, fx) => {
        const { backlog, alerts } = result as { backlog: { open: number }; alerts: Record<string, Record<string, number>> };
        const [open, unresolved] = await withPrivilegedDb("test check", async (db) => [
          await db.case.count({ where: { tenantId: fx.a.id, status: { in: [...OPEN_STATUSES] } } }),
          await db.alert.count({ where: { tenantId: fx.a.id, status: { in: ["ACTIVE", "ACKNOWLEDGED"] } } }),
        ]);
        expect(backlog.open).toBe(open);
        expect(Object.values(alerts).flatMap((bySeverity) => Object.values(bySeverity)).reduce((a, b) => a + b, 0)).toBe(unresolved);
      },
    },
  ],
  "tenant.onboarding": [
    {
      name: "judges A's steps from A's data only (B has cases; a fresh A's first case is still to do only if A has none)",
      input: () => undefined,
      expect: async (result, fx) => {
        const steps = (result as { steps: { key: string; done: boolean }[] }).steps;
        const aCases = await caseCountOf(fx.a.id);
        expect(steps.find((s) => s.key === "first_case")?.done).toBe(aCases > 0);
      },
    },
  ],
  "tenant.dismissOnboarding": [
    {
      name: "dismisses it for A, never for B (no input can name B)",
      input: (fx) => ({ tenantId: fx.b.id }),
      expect: async (_result, fx) => {
        const [a, b] = await withPrivilegedDb("test check", (db) =>
          Promise.all([fx.a.id, fx.b.id].map((id) => db.tenant.findUniqueOrThrow({ where: { id }, select: { onboardingDismissedAt: true } }))),
        );
        expect(a!.onboardingDismissedAt).not.toBeNull();
        expect(b!.onboardingDismissedAt).toBeNull();
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
  "jobs.runnerStatus": [
    {
      // Platform-wide and holding no tenant data: only when a runner was last seen.
      name: "answers when runners were seen, nothing of any tenant",
      input: () => undefined,
      expect: (result) => expect(Object.keys(result as object).sort()).toEqual(["lastSeenAt", "stale"]),
    },
  ],
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
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(fx.bImportId),
    },
  ],
  "imports.get": [{ name: "B's import", input: (fx) => ({ id: fx.bImportId }), expect: "NOT_FOUND" }],
  "imports.setMapping": [{ name: "B's import", input: (fx) => ({ id: fx.bImportId, mapping: { title: "Title" } }), expect: "NOT_FOUND" }],
  "imports.cancel": [{ name: "B's import", input: (fx) => ({ id: fx.bImportId }), expect: "NOT_FOUND" }],
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
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((f) => f.id)).not.toContain(fx.bExportFileId),
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
