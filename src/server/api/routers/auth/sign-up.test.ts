// Sign-up answers the same whether or not the address has an account (the owner is mailed
// instead), and spends no password hash on an address it will not use.
import nodemailer from "nodemailer";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordHashesComputed } from "@/server/auth/password";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { setMailTransport } from "@/server/mail";
import { callerFor, createTestTenant } from "@/test/factories";

let sent: { to: string; subject: string; text: string }[] = [];
beforeEach(() => {
  sent = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const original = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
    sent.push({ to: String(mail.to), subject: String(mail.subject), text: String(mail.text) });
    return original(mail);
  }) as typeof transport.sendMail;
  setMailTransport(transport);
});
afterEach(() => setMailTransport(undefined));

const input = (email: string) => ({ name: "Nora Newcomer", email, password: "a-long-enough-password", organisation: "Initech Help Desk" });
const userOf = (email: string) => withPrivilegedDb("test check", (db) => db.user.findUnique({ where: { email }, include: { memberships: true } }));

describe("sign-up", () => {
  it("answers the same for a new and an existing address; the existing account is unchanged and its owner mailed", async () => {
    const tenant = await createTestTenant("su");
    const existing = tenant.users.VIEWER.email;
    const fresh = `nora-${randomUUID()}@example.test`;
    const anonymous = await callerFor(null);

    const forNew = await anonymous.auth.signUp(input(fresh));
    const forExisting = await anonymous.auth.signUp(input(existing.toUpperCase()));
    expect(forExisting).toEqual(forNew);

    expect((await userOf(fresh))?.memberships.map((m) => m.role)).toEqual(["OWNER"]);
    const owner = await userOf(existing);
    expect({ name: owner?.name, passwordHash: owner?.passwordHash, memberships: owner?.memberships.length }).toEqual({
      name: tenant.users.VIEWER.name,
      passwordHash: "x",
      memberships: 1,
    });
    await vi.waitFor(() => expect(sent.map((m) => m.to)).toEqual([existing]));
    expect(sent[0]!.text).toContain("already has an account");
    expect(sent[0]!.text).toMatch(/forgot-password|Forgot password/);
  });

  it("checks the address before hashing: an existing address costs no password hash", async () => {
    const tenant = await createTestTenant("su");
    const anonymous = await callerFor(null);
    const before = passwordHashesComputed();
    await anonymous.auth.signUp(input(tenant.users.AGENT.email));
    expect(passwordHashesComputed() - before).toBe(0);
    await anonymous.auth.signUp(input(`nora-${randomUUID()}@example.test`));
    expect(passwordHashesComputed() - before).toBe(1);
    // Invalid input is refused by validation, before anything else.
    await expect(anonymous.auth.signUp({ ...input("not-an-address"), password: "short" })).rejects.toBeDefined();
    expect(passwordHashesComputed() - before).toBe(1);
  });

  it("signing up through an invitation link checks the link and the address before hashing", async () => {
    const anonymous = await callerFor(null);
    const before = passwordHashesComputed();
    await expect(anonymous.invitations.signUp({ token: "x".repeat(43), name: "Nobody", password: "a-long-password" })).rejects.toBeDefined();
    expect(passwordHashesComputed() - before).toBe(0);
  });
});
