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

  it("removing a member revokes the keys their keys made too (one transaction)", async () => {
    const tenant = await createTestTenant();
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const first = await admin.apiKeys.create({ name: "admin script", role: "ADMIN" });
    // A key minting a key: no user made the second one, but it stands on the admin's authority.
    const second = await (await apiKeyCaller(first.secret)).apiKeys.create({ name: "minted by a key", role: "ADMIN" });
    const third = await (await apiKeyCaller(second.secret)).apiKeys.create({ name: "minted by a minted key", role: "AGENT" });
    expect(second.apiKey.createdBy).toBeNull();
    await expect((await apiKeyCaller(third.secret)).cases.list({})).resolves.toBeDefined();

    const result = await owner.members.remove({ userId: tenant.users.ADMIN.id });
    expect(result.apiKeysRevoked).toBe(3);
    for (const { secret } of [first, second, third]) {
      await expectAppError((await apiKeyCaller(secret)).members.list(), "UNAUTHORIZED", "API_KEY_REVOKED");
    }
  });

  it("lowering a member's role caps their keys at the new role in the same transaction, and is audited", async () => {
    const tenant = await createTestTenant();
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const strong = await admin.apiKeys.create({ name: "admin key", role: "ADMIN" });
    const weak = await admin.apiKeys.create({ name: "viewer key", role: "VIEWER" });
    const minted = await (await apiKeyCaller(strong.secret)).apiKeys.create({ name: "minted", role: "ADMIN" });

    await owner.members.updateRole({ userId: tenant.users.ADMIN.id, role: "AGENT" });
    const roles = Object.fromEntries((await owner.apiKeys.list()).map((k) => [k.id, k.role]));
    expect([roles[strong.apiKey.id], roles[weak.apiKey.id], roles[minted.apiKey.id]]).toEqual(["AGENT", "VIEWER", "AGENT"]);
    await expectAppError((await apiKeyCaller(minted.secret)).apiKeys.create({ name: "no more", role: "VIEWER" }), "FORBIDDEN", "PERMISSION_DENIED");
    await expect((await apiKeyCaller(strong.secret)).cases.create({ title: "Agents may still write" })).resolves.toBeDefined();

    const audit = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "member.role_changed", targetId: tenant.users.ADMIN.id }, select: { diff: true } }),
    );
    expect(audit.diff).toMatchObject({ role: { from: "ADMIN", to: "AGENT" }, apiKeysCapped: 2 });
  });

  it("removing a member revokes the invitations they sent that are still pending", async () => {
    const tenant = await createTestTenant();
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const mine = await admin.invitations.create({ email: `pending-${Date.now()}@example.test`, role: "AGENT" });
    const theirs = await owner.invitations.create({ email: `other-${Date.now()}@example.test`, role: "AGENT" });

    const result = await owner.members.remove({ userId: tenant.users.ADMIN.id });
    expect(result.invitationsRevoked).toBe(1);
    const statuses = Object.fromEntries((await owner.invitations.list({})).items.map((i) => [i.id, i.status]));
    expect([statuses[mine.invitation.id], statuses[theirs.invitation.id]]).toEqual(["revoked", "pending"]);
    const token = mine.url.split("/invite/")[1]!;
    expect(await (await callerFor(null)).invitations.preview({ token })).toEqual({ valid: false, reason: "revoked" });
  });
});
