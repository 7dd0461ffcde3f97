import nodemailer from "nodemailer";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { resolveSessionUser } from "@/server/auth/session-user";
import { endSession, startSession } from "@/server/auth/sessions";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { setMailTransport } from "@/server/mail";
import { createPasswordResetToken, requestPasswordReset } from "@/server/services/accounts/password-reset";

import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant } from "@/test/factories";

let sent: { to: string; text: string }[] = [];
beforeEach(() => {
  sent = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const original = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
    sent.push({ to: String(mail.to), text: String(mail.text) });
    return original(mail);
  }) as typeof transport.sendMail;
  setMailTransport(transport);
});
afterEach(() => setMailTransport(undefined));

/** The JWT exactly as next-auth builds it from a sign-in: authorize's user (with a started session) → jwt callback. */
async function tokenAtSignIn(user: { id: string; email: string; name: string; epoch: number }): Promise<JWT> {
  const signedIn = { ...user, sid: await startSession(user.id) };
  return (await authOptions.callbacks!.jwt!({ token: { sub: user.id } as JWT, user: signedIn as never, account: null, trigger: "signIn" })) as JWT;
}

/** …and the session the server reads from that JWT on each request (session callback). */
async function sessionOf(token: JWT, user: { name: string; email: string }): Promise<Session> {
  return (await authOptions.callbacks!.session!({ session: { user: { name: user.name, email: user.email }, expires: "" } as never, token, user: undefined as never, newSession: undefined, trigger: "update" })) as Session;
}

async function sessionAtSignIn(user: { id: string; email: string; name: string; epoch: number }): Promise<Session> {
  return sessionOf(await tokenAtSignIn(user), user);
}

/** What next-auth's sign-out route does on the server with the JWT of the browser signing out. */
async function signOutWith(token: JWT) {
  await authOptions.events!.signOut!({ token, session: undefined as never });
}

async function setPassword(userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await withPrivilegedDb("test fixture", (db) => db.user.update({ where: { id: userId }, data: { passwordHash } }));
}

const linkToken = (text: string) => text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)![1]!;
const actionsOf = (tenantId: string, action: string) =>
  withPrivilegedDb("test check", (db) => db.auditEvent.count({ where: { tenantId, action } }));

describe("password reset", () => {
  it("answers the same for known and unknown addresses, and mails only the known one", async () => {
    const tenant = await createTestTenant("pw");
    const anonymous = await callerFor(null);
    const known = await anonymous.account.requestPasswordReset({ email: tenant.users.AGENT.email });
    const unknown = await anonymous.account.requestPasswordReset({ email: `nobody-${Date.now()}@example.test` });
    expect(unknown).toEqual(known);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the mail is not awaited by the procedure
    expect(sent.map((m) => m.to)).toEqual([tenant.users.AGENT.email]);
    const tokens = await withPrivilegedDb("test check", (db) => db.passwordResetToken.findMany({ where: { userId: tenant.users.AGENT.id } }));
    expect(tokens).toHaveLength(1);
    expect(sent[0]!.text).not.toContain(tokens[0]!.tokenHash);
  });

  it("resets once: the token is spent, other tokens die, and every old session is refused", async () => {
    const tenant = await createTestTenant("pw");
    const user = tenant.users.AGENT;
    await setPassword(user.id, "old-password-123");
    const session = await sessionAtSignIn({ ...user, epoch: 0 });
    expect((await resolveSessionUser(session))?.id).toBe(user.id);

    const outcome = await requestPasswordReset(user.email, { origin: "http://app.test" });
    expect(await outcome.mailed).toBe(true);
    const token = linkToken(sent[0]!.text);
    expect(sent[0]!.text).toContain(`http://app.test/reset-password/${token}`);
    const other = await withPrivilegedDb("test fixture", (db) => createPasswordResetToken(db, user.id));

    const anonymous = await callerFor(null);
    await expectAppError(anonymous.account.resetPassword({ token, password: "short" }), "BAD_REQUEST");
    expect(await anonymous.account.resetPassword({ token, password: "brand-new-password" })).toEqual({ email: user.email });

    // The session signed in before the reset is refused by the check every request goes through.
    expect(await resolveSessionUser(session)).toBeNull();
    const fresh = await sessionAtSignIn({ ...user, epoch: 1 });
    expect((await resolveSessionUser(fresh))?.id).toBe(user.id);

    await expectAppError(anonymous.account.resetPassword({ token, password: "another-password" }), "BAD_REQUEST", "RESET_TOKEN_INVALID");
    await expectAppError(anonymous.account.resetPassword({ token: other, password: "another-password" }), "BAD_REQUEST", "RESET_TOKEN_INVALID");
    const stored = await withPrivilegedDb("test check", (db) => db.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect(await verifyPassword(stored.passwordHash, "brand-new-password")).toBe(true);
    expect(await actionsOf(tenant.id, "account.password_reset")).toBe(1);
  });

  it("past the per-address limit it still answers the same but sends nothing; past the per-IP limit it says to wait", async () => {
    const restore = overrideLimiters({
      resetEmail: createLimiter({ keyPrefix: `t-${crypto.randomUUID()}`, points: 1, durationSeconds: 60 }),
      resetIp: createLimiter({ keyPrefix: `t-${crypto.randomUUID()}`, points: 3, durationSeconds: 60 }),
    });
    try {
      const tenant = await createTestTenant("pw");
      const anonymous = await callerFor(null);
      const first = await requestPasswordReset(tenant.users.OWNER.email);
      const second = await requestPasswordReset(tenant.users.OWNER.email);
      expect([await first.mailed, await second.mailed]).toEqual([true, false]);
      for (let i = 0; i < 3; i++) await anonymous.account.requestPasswordReset({ email: tenant.users.OWNER.email });
      await expectAppError(anonymous.account.requestPasswordReset({ email: tenant.users.OWNER.email }), "TOO_MANY_REQUESTS");
    } finally {
      restore();
    }
  });

  it("an expired token is refused", async () => {
    const tenant = await createTestTenant("pw");
    const token = await withPrivilegedDb("test fixture", (db) => createPasswordResetToken(db, tenant.users.VIEWER.id, new Date(Date.now() - 2 * 3600_000)));
    await expectAppError((await callerFor(null)).account.resetPassword({ token, password: "brand-new-password" }), "BAD_REQUEST", "RESET_TOKEN_INVALID");
  });
});

describe("change password", () => {
  it("needs the current password, bumps the epoch (old sessions refused), and is audited", async () => {
    const tenant = await createTestTenant("pw");
    const user = tenant.users.ADMIN;
    await setPassword(user.id, "current-password-1");
    const session = await sessionAtSignIn({ ...user, epoch: 0 });
    const caller = await callerFor(user);
    await expectAppError(caller.account.changePassword({ currentPassword: "wrong-password", newPassword: "next-password-2" }), "BAD_REQUEST", "WRONG_PASSWORD");
    expect(await resolveSessionUser(session)).not.toBeNull();
    await caller.account.changePassword({ currentPassword: "current-password-1", newPassword: "next-password-2" });
    expect(await resolveSessionUser(session)).toBeNull();
    expect(await actionsOf(tenant.id, "account.password_changed")).toBe(1);
    await expectAppError((await callerFor(null)).account.changePassword({ currentPassword: "x", newPassword: "next-password-3" }), "UNAUTHORIZED");
  });
});

describe("sessions", () => {
  it("signing out ends that browser's session on the server; the user's other sessions go on", async () => {
    const tenant = await createTestTenant("ses");
    const user = { ...tenant.users.AGENT, epoch: 0 };
    const [laptop, phone] = [await tokenAtSignIn(user), await tokenAtSignIn(user)];
    expect(laptop.sid).not.toBe(phone.sid);
    expect((await resolveSessionUser(await sessionOf(laptop, user)))?.id).toBe(user.id);

    await signOutWith(laptop);
    // The JWT itself is still well within its 24 hours: the server refuses it all the same.
    expect(await resolveSessionUser(await sessionOf(laptop, user))).toBeNull();
    expect((await resolveSessionUser(await sessionOf(phone, user)))?.id).toBe(user.id);
    await signOutWith(laptop); // twice is harmless
  });

  it("a sign-in (the credentials provider) starts a session, and clears the user's ended ones", async () => {
    const tenant = await createTestTenant("ses");
    const user = tenant.users.VIEWER;
    await setPassword(user.id, "viewer-password-1");
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ sid?: string } | null> } };
    const signIn = () => provider.options.authorize({ email: user.email, password: "viewer-password-1" }, { headers: {} });
    const first = await signIn();
    expect(first?.sid).toMatch(/^[0-9a-f-]{36}$/);
    await endSession(first!.sid);
    const second = await signIn();
    const rows = await withPrivilegedDb("test check", (db) => db.userSession.findMany({ where: { userId: user.id }, select: { id: true } }));
    expect(rows.map((r) => r.id)).toEqual([second!.sid]);
  });

  it("refuses a JWT that names no server session, or another user's", async () => {
    const tenant = await createTestTenant("ses");
    const agent = { ...tenant.users.AGENT, epoch: 0 };
    const viewer = { ...tenant.users.VIEWER, epoch: 0 };
    const legacy = await sessionOf({ sub: agent.id, epoch: 0 } as JWT, agent);
    expect(await resolveSessionUser(legacy)).toBeNull();
    const viewers = await tokenAtSignIn(viewer);
    expect(await resolveSessionUser(await sessionOf({ ...viewers, sub: agent.id }, agent))).toBeNull();
    expect(await resolveSessionUser(await sessionOf({ ...viewers, sid: "not-a-uuid" }, viewer))).toBeNull();
  });

  it("sign out everywhere ends every session of the user and no one else's, and is audited", async () => {
    const tenant = await createTestTenant("ses");
    const user = { ...tenant.users.ADMIN, epoch: 0 };
    const other = { ...tenant.users.OWNER, epoch: 0 };
    const sessions = [await sessionAtSignIn(user), await sessionAtSignIn(user)];
    const others = await sessionAtSignIn(other);

    expect(await (await callerFor(user)).account.signOutEverywhere()).toEqual({ sessionsEnded: 2 });
    for (const session of sessions) expect(await resolveSessionUser(session)).toBeNull();
    expect((await resolveSessionUser(others))?.id).toBe(other.id);
    // Signing in again works (the new session carries the new epoch).
    expect((await resolveSessionUser(await sessionAtSignIn({ ...user, epoch: 1 })))?.id).toBe(user.id);
    expect(await actionsOf(tenant.id, "account.signed_out_everywhere")).toBe(1);
    await expectAppError((await callerFor(null)).account.signOutEverywhere(), "UNAUTHORIZED");
  });
});
