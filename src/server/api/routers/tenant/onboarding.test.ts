import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestTenant } from "@/test/factories";
import { createImportRow } from "@/test/file-fixtures";
import { expectAppError } from "@/test/errors";

const succeededImport = (tenantId: string) => createImportRow(tenantId, "customers.csv", { status: "SUCCEEDED" });

const doneSteps = (o: { steps: { key: string; done: boolean }[] }) => o.steps.filter((s) => s.done).map((s) => s.key);

describe("tenant.onboarding", () => {
  it("ticks each step from the tenant's own data, never another tenant's", async () => {
    const tenant = await createTestTenant("onboarding");
    const other = await createTestTenant("onboarding-other");
    // Only the owner is left: nobody invited yet. The other tenant has done everything.
    await withPrivilegedDb("test fixture", async (db) => {
      await db.membership.deleteMany({ where: { tenantId: tenant.id, role: { not: "OWNER" } } });
      await db.case.create({ data: { tenantId: other.id, title: "Elsewhere", number: 1 } });
    });
    await succeededImport(other.id);
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const fresh = await owner.tenant.onboarding();
    expect(fresh.steps.map((s) => s.key)).toEqual(["invite_team", "import_data", "working_hours", "first_case"]);
    expect(doneSteps(fresh)).toEqual([]);
    expect(fresh).toMatchObject({ complete: false, dismissedAt: null });

    await owner.invitations.create({ email: "colleague@example.test", role: "AGENT" });
    await owner.tenant.updateSettings({ timeZone: "Europe/Paris", workingHours: { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } });
    await owner.cases.create({ title: "The first case" });
    expect(doneSteps(await owner.tenant.onboarding())).toEqual(["invite_team", "working_hours", "first_case"]);

    await succeededImport(tenant.id);
    expect(await owner.tenant.onboarding()).toMatchObject({ complete: true });
  });

  it("an admin dismisses it for the whole tenant, once; agents and viewers may read it but not dismiss it", async () => {
    const tenant = await createTestTenant("onboarding-dismiss");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(agent.tenant.dismissOnboarding(), "FORBIDDEN");
    await expectAppError(viewer.tenant.dismissOnboarding(), "FORBIDDEN");
    expect((await viewer.tenant.onboarding()).dismissedAt).toBeNull();

    const { dismissedAt } = await admin.tenant.dismissOnboarding();
    const again = await admin.tenant.dismissOnboarding();
    expect(again.dismissedAt).toEqual(dismissedAt);
    expect((await agent.tenant.onboarding()).dismissedAt).toEqual(dismissedAt);
    const audits = await withPrivilegedDb("test read", (db) => db.auditEvent.count({ where: { tenantId: tenant.id, action: "tenant.onboarding_dismissed" } }));
    expect(audits).toBe(1);
  });
});
