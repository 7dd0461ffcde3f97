import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestTenant } from "@/test/factories";

describe("members", () => {
  it("lists every member with role, and only this tenant's", async () => {
    const tenant = await createTestTenant();
    await createTestTenant();
    const members = await (await callerFor(tenant.users.VIEWER, tenant.slug)).members.list();
    expect(members.map((m) => m.role).sort()).toEqual(["ADMIN", "AGENT", "OWNER", "VIEWER"]);
    expect(new Set(members.map((m) => m.userId))).toEqual(new Set(Object.values(tenant.users).map((u) => u.id)));
  });

  it("changes a role, which takes effect on the next call", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.cases.create({ title: "Not yet" }), "FORBIDDEN");
    await admin.members.updateRole({ userId: tenant.users.VIEWER.id, role: "AGENT" });
    expect((await viewer.cases.create({ title: "Now allowed" })).title).toBe("Now allowed");
  });

  it("refuses to grant above one's own role or to touch a higher role", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await expectAppError(admin.members.updateRole({ userId: tenant.users.AGENT.id, role: "OWNER" }), "FORBIDDEN");
    await expectAppError(admin.members.updateRole({ userId: tenant.users.OWNER.id, role: "AGENT" }), "FORBIDDEN");
    await expectAppError(admin.members.remove({ userId: tenant.users.OWNER.id }), "FORBIDDEN");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.members.updateRole({ userId: tenant.users.VIEWER.id, role: "AGENT" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("keeps at least one owner", async () => {
    const tenant = await createTestTenant();
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    await expectAppError(owner.members.updateRole({ userId: tenant.users.OWNER.id, role: "ADMIN" }), "CONFLICT", "LAST_OWNER");
    await expectAppError(owner.members.remove({ userId: tenant.users.OWNER.id }), "CONFLICT", "LAST_OWNER");
    await owner.members.updateRole({ userId: tenant.users.ADMIN.id, role: "OWNER" });
    await owner.members.updateRole({ userId: tenant.users.OWNER.id, role: "ADMIN" });
    const roles = (await owner.members.list()).map((m) => m.role);
    expect(roles.filter((r) => r === "OWNER")).toHaveLength(1);
  });

  it("removing a member ends their access and their API keys at once", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    // The agent makes a key while still an admin-made key holder: promote, create, demote.
    await admin.members.updateRole({ userId: tenant.users.AGENT.id, role: "ADMIN" });
    const { secret } = await agent.apiKeys.create({ name: "agent script", role: "AGENT" });
    await admin.members.updateRole({ userId: tenant.users.AGENT.id, role: "AGENT" });
    expect((await (await apiKeyCaller(secret)).cases.list({})).items).toBeDefined();

    const result = await admin.members.remove({ userId: tenant.users.AGENT.id });
    expect(result.apiKeysRevoked).toBe(1);
    await expectAppError(agent.cases.list({}), "NOT_FOUND");
    await expectAppError((await apiKeyCaller(secret)).cases.list({}), "UNAUTHORIZED", "API_KEY_REVOKED");

    const audit = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findFirst({ where: { tenantId: tenant.id, action: "member.removed" }, select: { targetId: true, actorId: true } }),
    );
    expect(audit).toEqual({ targetId: tenant.users.AGENT.id, actorId: tenant.users.ADMIN.id });
  });
});
