import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { headersFromPeer } from "@/server/security/client-ip-test-kit";
import { createTestTenant } from "@/test/factories";
import { SignInLocked } from "./sign-in-guard";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The credentials provider's authorize, as next-auth calls it on POST /api/auth/callback/credentials. */
function authorize(email: string, password: string, headers: Record<string, string>) {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers });
}

const rowsOf = (tenantIds: string[], userId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.auditEvent.findMany({
      where: { tenantId: { in: tenantIds }, actorId: userId, action: { startsWith: "auth.sign_in." } },
      orderBy: { createdAt: "asc" },
      select: { tenantId: true, action: true, ip: true, userAgent: true, diff: true },
    }),
  );

describe("sign-in audit", () => {
  it("records successes, failures and lockouts in every tenant of the user, with IP and agent, never the password", async () => {
    restore = overrideLimiters({
      signInAccount: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 2, durationSeconds: 60, blockDurationSeconds: 60 }),
      signInIp: createLimiter({ keyPrefix: `t-${randomUUID()}`, points: 100, durationSeconds: 60 }),
    });
    const [a, b] = await Promise.all([createTestTenant("sia"), createTestTenant("sib")]);
    const user = a.users.AGENT;
    const password = "correct-horse-battery";
    await withPrivilegedDb("test fixture", async (db) => {
      await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
      await db.membership.create({ data: { tenantId: b.id, userId: user.id, role: "VIEWER" } });
    });
    // A forged X-Forwarded-For from a client that is no trusted proxy is not what gets recorded.
    const headers = headersFromPeer("203.0.113.9", { "x-forwarded-for": "192.0.2.66", "user-agent": "AuditTest/1.0" });
    expect(await authorize(user.email, password, headers)).toMatchObject({ id: user.id });
    expect(await authorize(user.email, "wrong-password-1", headers)).toBeNull();
    expect(await authorize(user.email, "wrong-password-2", headers)).toBeNull();
    await expect(authorize(user.email, password, headers)).rejects.toBeInstanceOf(SignInLocked);

    const rows = await rowsOf([a.id, b.id], user.id);
    for (const tenantId of [a.id, b.id]) {
      expect(rows.filter((r) => r.tenantId === tenantId).map((r) => r.action)).toEqual([
        "auth.sign_in.succeeded",
        "auth.sign_in.failed",
        "auth.sign_in.failed",
        "auth.sign_in.locked",
      ]);
    }
    expect(rows.every((r) => r.ip === "203.0.113.9" && r.userAgent === "AuditTest/1.0")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("wrong-password");
    expect(JSON.stringify(rows)).not.toContain(password);
  });

  it("a failure for an unknown email writes no audit row anywhere", async () => {
    const before = await withPrivilegedDb("test check", (db) => db.auditEvent.count({ where: { action: { startsWith: "auth.sign_in." } } }));
    expect(await authorize(`ghost-${randomUUID()}@example.test`, "whatever-password", headersFromPeer("198.51.100.7"))).toBeNull();
    expect(await withPrivilegedDb("test check", (db) => db.auditEvent.count({ where: { action: { startsWith: "auth.sign_in." } } }))).toBe(before);
  });
});
