import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { setMailTransport } from "@/server/mail";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant } from "@/test/factories";
import { issueInvitation } from "./issue-invitation";
import { hashToken } from "./tokens";

afterEach(() => setMailTransport(undefined));

const tokenOf = (url: string) => url.split("/invite/")[1]!;

describe("issueInvitation", () => {
  it("stores only the hash of a fresh token, lower-cases the email, expires in 7 days (tenant db)", async () => {
    setMailTransport(null);
    const t = await createTestTenant("inv");
    const now = new Date("2026-11-01T10:00:00Z");
    const issued = await withTenantDb(t.id, (db) =>
      issueInvitation(db, { tenantId: t.id, email: "  New.Person@Example.TEST ", role: "AGENT", invitedById: t.users.ADMIN.id, tenantName: "Acme", baseUrl: "http://app.test", now }),
    );
    expect(issued.delivered).toBe(false);
    expect(issued.url).toMatch(/^http:\/\/app\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(issued.invitation.email).toBe("new.person@example.test");
    expect(issued.invitation.expiresAt.getTime() - now.getTime()).toBe(7 * 24 * 3600 * 1000);
    const row = await withPrivilegedDb("test", (db) => db.invitation.findUniqueOrThrow({ where: { id: issued.invitation.id } }));
    expect(row.tokenHash).toBe(hashToken(tokenOf(issued.url)));
    expect(row.tokenHash).not.toContain(tokenOf(issued.url));
  });

  it("works on the privileged client, sends the mail, and re-inviting revokes the earlier link", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const messages: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      const info = (await original(mail)) as unknown as { message: string };
      messages.push(info.message);
      return info;
    }) as typeof transport.sendMail;
    setMailTransport(transport);
    const t = await createTestTenant("inv");
    const input = { tenantId: t.id, email: "first.owner@example.test", role: "OWNER" as const, invitedById: null, inviterName: "Platform", tenantName: "New Org" };
    const first = await withPrivilegedDb("test", (db) => issueInvitation(db, input));
    const second = await withPrivilegedDb("test", (db) => issueInvitation(db, input));
    expect(first.delivered).toBe(true);
    expect(messages).toHaveLength(2);
    const parsed = JSON.parse(messages[1]!) as { to: { address: string }[]; subject: string; text: string };
    expect(parsed.to[0]!.address).toBe("first.owner@example.test");
    expect(parsed.subject).toContain("New Org");
    expect(parsed.text).toContain(second.url);
    const rows = await withPrivilegedDb("test", (db) => db.invitation.findMany({ where: { tenantId: t.id }, orderBy: { createdAt: "asc" } }));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.revokedAt).not.toBeNull();
    expect(rows[1]!.revokedAt).toBeNull();
  });
});
