import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { setMailTransport } from "@/server/mail";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import type { SessionUser } from "@/server/auth/session-user";

beforeEach(() => setMailTransport(null));
afterEach(() => setMailTransport(undefined));

let n = 0;
const newEmail = () => `Invitee-${Date.now().toString(36)}-${n++}@Example.test`;
const tokenOf = (url: string) => url.split("/invite/")[1]!;

async function createUser(email: string): Promise<SessionUser> {
  return withPrivilegedDb("test fixture", async (db) => {
    const u = await db.user.create({ data: { email: email.toLowerCase(), name: "Invited Person", passwordHash: "x" } });
    return { id: u.id, email: u.email, name: u.name, platformRole: null };
  });
}

const auditActions = (tenantId: string, targetId: string) =>
  withPrivilegedDb("test check", async (db) =>
    (await db.auditEvent.findMany({ where: { tenantId, targetId }, orderBy: { seq: "asc" }, select: { action: true } })).map((a) => a.action),
  );

async function invite(tenant: TestTenant, role: "ADMIN" | "AGENT" | "VIEWER" | "OWNER" = "AGENT", email = newEmail()) {
  const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  return { admin, email, issued: await admin.invitations.create({ email, role: role as "AGENT" }) };
}

describe("invitations", () => {
  it("create → accept: the invited user joins with the role, once; every step audited", async () => {
    const tenant = await createTestTenant("inv");
    const { admin, email, issued } = await invite(tenant, "AGENT");
    expect(issued.delivered).toBe(false);
    expect(issued.invitation).toMatchObject({ email: email.toLowerCase(), role: "AGENT", status: "pending", sendCount: 1 });
    expect(issued.invitation.invitedBy?.id).toBe(tenant.users.ADMIN.id);

    const preview = await (await callerFor(null)).invitations.preview({ token: tokenOf(issued.url) });
    expect(preview).toMatchObject({ valid: true, email: email.toLowerCase(), role: "AGENT", tenantSlug: tenant.slug });

    const invitee = await createUser(email);
    const joined = await (await callerFor(invitee)).invitations.accept({ token: tokenOf(issued.url) });
    expect(joined.tenantSlug).toBe(tenant.slug);
    // The new member works in the tenant at once, with the invited role.
    const asMember = await callerFor(invitee, tenant.slug);
    expect((await asMember.tenant.current()).role).toBe("AGENT");

    await expectAppError((await callerFor(invitee)).invitations.accept({ token: tokenOf(issued.url) }), "CONFLICT", "INVITATION_ACCEPTED");
    expect(await (await callerFor(null)).invitations.preview({ token: tokenOf(issued.url) })).toEqual({ valid: false, reason: "accepted" });
    const listed = await admin.invitations.list({});
    expect(listed.items.find((i) => i.id === issued.invitation.id)?.status).toBe("accepted");
    expect(await auditActions(tenant.id, issued.invitation.id)).toEqual(["invitation.created", "invitation.accepted"]);
  });

  it("refuses a signed-in user whose email is not the invited one", async () => {
    const tenant = await createTestTenant("inv");
    const { issued } = await invite(tenant);
    const stranger = await createUser(newEmail());
    await expectAppError((await callerFor(stranger)).invitations.accept({ token: tokenOf(issued.url) }), "FORBIDDEN", "INVITATION_WRONG_EMAIL");
    const row = await withPrivilegedDb("test check", (db) => db.invitation.findUniqueOrThrow({ where: { id: issued.invitation.id } }));
    expect(row.acceptedAt).toBeNull();
    expect(await withPrivilegedDb("test check", (db) => db.membership.count({ where: { tenantId: tenant.id, userId: stranger.id } }))).toBe(0);
  });

  it("an expired invitation cannot be accepted; resend gives a new link and retires the old one", async () => {
    const tenant = await createTestTenant("inv");
    const { admin, email, issued } = await invite(tenant);
    await withPrivilegedDb("test fixture", (db) => db.invitation.update({ where: { id: issued.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    const invitee = await createUser(email);
    await expectAppError((await callerFor(invitee)).invitations.accept({ token: tokenOf(issued.url) }), "CONFLICT", "INVITATION_EXPIRED");
    expect((await admin.invitations.list({ status: "expired" })).items.map((i) => i.id)).toContain(issued.invitation.id);

    const resent = await admin.invitations.resend({ id: issued.invitation.id });
    expect(resent.invitation).toMatchObject({ status: "pending", sendCount: 2 });
    expect(resent.url).not.toBe(issued.url);
    expect(await (await callerFor(null)).invitations.preview({ token: tokenOf(issued.url) })).toEqual({ valid: false, reason: "unknown" });
    await expectAppError((await callerFor(invitee)).invitations.accept({ token: tokenOf(issued.url) }), "NOT_FOUND", "INVITATION_UNKNOWN");
    await (await callerFor(invitee)).invitations.accept({ token: tokenOf(resent.url) });
    expect(await auditActions(tenant.id, issued.invitation.id)).toEqual(["invitation.created", "invitation.resent", "invitation.accepted"]);
  });

  it("a revoked invitation stops working and cannot be resent", async () => {
    const tenant = await createTestTenant("inv");
    const { admin, email, issued } = await invite(tenant);
    expect((await admin.invitations.revoke({ id: issued.invitation.id })).status).toBe("revoked");
    const invitee = await createUser(email);
    await expectAppError((await callerFor(invitee)).invitations.accept({ token: tokenOf(issued.url) }), "CONFLICT", "INVITATION_REVOKED");
    await expectAppError(admin.invitations.resend({ id: issued.invitation.id }), "CONFLICT", "INVITATION_REVOKED");
    expect(await auditActions(tenant.id, issued.invitation.id)).toEqual(["invitation.created", "invitation.revoked"]);
  });

  it("re-inviting a pending email replaces the earlier invitation", async () => {
    const tenant = await createTestTenant("inv");
    const { admin, email, issued } = await invite(tenant, "VIEWER");
    const again = await admin.invitations.create({ email, role: "AGENT" });
    const list = await admin.invitations.list({});
    expect(list.items.find((i) => i.id === issued.invitation.id)?.status).toBe("revoked");
    expect(list.items.find((i) => i.id === again.invitation.id)?.status).toBe("pending");
    expect((await admin.invitations.list({ status: "pending" })).items.map((i) => i.id)).toEqual([again.invitation.id]);
  });

  it("refuses a role above the inviter's, members, and roles without members:manage", async () => {
    const tenant = await createTestTenant("inv");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await expectAppError(admin.invitations.create({ email: newEmail(), role: "OWNER" }), "FORBIDDEN", "ROLE_ABOVE_OWN");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const ownerInvite = await owner.invitations.create({ email: newEmail(), role: "OWNER" });
    // An admin may not re-send or withdraw an owner invitation either.
    await expectAppError(admin.invitations.resend({ id: ownerInvite.invitation.id }), "FORBIDDEN", "ROLE_ABOVE_OWN");
    await expectAppError(admin.invitations.revoke({ id: ownerInvite.invitation.id }), "FORBIDDEN", "ROLE_ABOVE_OWN");
    const already = await expectAppError(admin.invitations.create({ email: tenant.users.VIEWER.email.toUpperCase(), role: "VIEWER" }), "CONFLICT", "ALREADY_MEMBER");
    expect(already.details?.fieldErrors?.email).toBeDefined();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.invitations.create({ email: newEmail(), role: "VIEWER" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("lists a page at a time, newest first", async () => {
    const tenant = await createTestTenant("inv");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await admin.invitations.create({ email: newEmail(), role: "VIEWER" })).invitation.id);
    const first = await admin.invitations.list({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const second = await admin.invitations.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it("signing up through the link creates the account for the invited email, joins, and creates no tenant", async () => {
    const tenant = await createTestTenant("inv");
    const { email, issued } = await invite(tenant, "VIEWER");
    const tenantsBefore = await withPrivilegedDb("test check", (db) => db.tenant.count());
    const anonymous = await callerFor(null);
    const result = await anonymous.invitations.signUp({ token: tokenOf(issued.url), name: "New Person", password: "a-long-password" });
    expect(result).toEqual({ tenantSlug: tenant.slug, email: email.toLowerCase() });
    expect(await withPrivilegedDb("test check", (db) => db.tenant.count())).toBe(tenantsBefore);
    const user = await withPrivilegedDb("test check", (db) =>
      db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, include: { memberships: true } }),
    );
    expect(user.memberships.map((m) => [m.tenantId, m.role])).toEqual([[tenant.id, "VIEWER"]]);
    await expectAppError(anonymous.invitations.signUp({ token: tokenOf(issued.url), name: "Again", password: "a-long-password" }), "CONFLICT", "INVITATION_ACCEPTED");
    await expectAppError(anonymous.invitations.signUp({ token: "x".repeat(43), name: "Nobody", password: "a-long-password" }), "NOT_FOUND", "INVITATION_UNKNOWN");
  });

  it("the preview does not tell whether the invited address has an account", async () => {
    const tenant = await createTestTenant("inv");
    const { email: existingEmail, issued: forExisting } = await invite(tenant);
    await createUser(existingEmail);
    const { issued: forNew } = await invite(tenant);
    const anonymous = await callerFor(null);
    const [a, b] = await Promise.all([forExisting, forNew].map((i) => anonymous.invitations.preview({ token: tokenOf(i.url) })));
    expect(a).not.toHaveProperty("hasAccount");
    expect(Object.keys(a!).sort()).toEqual(Object.keys(b!).sort());
  });

  it("signing up through the link with an address that has an account answers the same, changes nothing, and mails its owner", async () => {
    const sent: { to: string; text: string }[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      sent.push({ to: String(mail.to), text: String(mail.text) });
      return original(mail);
    }) as typeof transport.sendMail;
    const tenant = await createTestTenant("inv");
    const { email, issued } = await invite(tenant, "VIEWER");
    const existing = await createUser(email);
    setMailTransport(transport);
    const result = await (await callerFor(null)).invitations.signUp({ token: tokenOf(issued.url), name: "Someone Else", password: "a-long-password" });
    expect(result).toEqual({ tenantSlug: tenant.slug, email: email.toLowerCase() });
    const user = await withPrivilegedDb("test check", (db) => db.user.findUniqueOrThrow({ where: { id: existing.id }, include: { memberships: true } }));
    expect({ name: user.name, passwordHash: user.passwordHash, memberships: user.memberships }).toEqual({ name: "Invited Person", passwordHash: "x", memberships: [] });
    expect((await withPrivilegedDb("test check", (db) => db.invitation.findUniqueOrThrow({ where: { id: issued.invitation.id } }))).acceptedAt).toBeNull();
    await vi.waitFor(() => expect(sent.map((m) => m.to)).toEqual([email.toLowerCase()]));
    expect(sent[0]!.text).toContain("already has an account");
  });

  it("accepting needs the inviter to still be a member with at least the invited role", async () => {
    const tenant = await createTestTenant("inv");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const { email, issued } = await invite(tenant, "ADMIN");
    const invitee = await createUser(email);
    const token = tokenOf(issued.url);

    await owner.members.updateRole({ userId: tenant.users.ADMIN.id, role: "AGENT" });
    expect(await (await callerFor(null)).invitations.preview({ token })).toEqual({ valid: false, reason: "inviter" });
    const refused = await expectAppError((await callerFor(invitee)).invitations.accept({ token }), "FORBIDDEN", "INVITER_NOT_ENTITLED");
    expect(refused.message).toMatch(/can no longer invite you/);
    await expectAppError((await callerFor(null)).invitations.signUp({ token, name: "Anyone", password: "a-long-password" }), "FORBIDDEN", "INVITER_NOT_ENTITLED");

    // Removed behind the services' back (so the invitation was not revoked): still refused.
    await owner.members.updateRole({ userId: tenant.users.ADMIN.id, role: "ADMIN" });
    await withPrivilegedDb("test fixture", (db) => db.membership.delete({ where: { tenantId_userId: { tenantId: tenant.id, userId: tenant.users.ADMIN.id } } }));
    await expectAppError((await callerFor(invitee)).invitations.accept({ token }), "FORBIDDEN", "INVITER_NOT_ENTITLED");
    expect(await withPrivilegedDb("test check", (db) => db.membership.count({ where: { tenantId: tenant.id, userId: invitee.id } }))).toBe(0);

    // Someone entitled resends it: from then on it stands on their authority.
    const resent = await owner.invitations.resend({ id: issued.invitation.id });
    expect((await (await callerFor(invitee)).invitations.accept({ token: tokenOf(resent.url) })).tenantSlug).toBe(tenant.slug);
  });

  it("an invitation an API key sends stands on the key's authority", async () => {
    const tenant = await createTestTenant("inv");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const { secret } = await admin.apiKeys.create({ name: "inviter key", role: "ADMIN" });
    const issued = await (await apiKeyCaller(secret)).invitations.create({ email: newEmail(), role: "AGENT" });
    const row = await withPrivilegedDb("test check", (db) => db.invitation.findUniqueOrThrow({ where: { id: issued.invitation.id } }));
    expect(row.invitedById).toBe(tenant.users.ADMIN.id);
  });
});
