// Without SMTP, invitation and password-reset links must not reach the log at any level: their
// tokens are single-use credentials, and logs are kept, shipped and read far more widely than a
// mailbox. Output is captured from the one logger at its most verbose.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { logger } from "@/server/logger";
import { captureLogLines } from "@/test/log-capture";
import { sendMail, setMailTransport } from "@/server/mail";
import { requestPasswordReset } from "@/server/services/accounts/password-reset";
import { callerFor, createTestTenant } from "@/test/factories";

let lines: string[] = [];
let restore: () => void = () => {};

beforeEach(() => {
  const captured = captureLogLines("trace");
  lines = captured.lines;
  setMailTransport(null);
  restore = () => {
    captured.restore();
    setMailTransport(undefined);
  };
});
afterEach(() => restore());

const LINK = /\/(invite|reset-password)\/[A-Za-z0-9_-]{10,}/;

describe("mail without SMTP", () => {
  it("logs that a message was not sent, never its text or link", async () => {
    const token = "tok_" + randomUUID().replaceAll("-", "");
    await sendMail({ to: "a@example.test", subject: "Reset", text: `go to https://x.test/reset-password/${token}`, html: `<a href="/reset-password/${token}">` });
    expect(lines.join("")).toContain("mail not sent");
    expect(lines.join("")).not.toContain(token);
  });

  it("keeps invitation tokens (settings and platform admin) and reset tokens out of every log line", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const invited = await admin.invitations.create({ email: `logged-${randomUUID()}@example.test`, role: "AGENT" });
    expect(invited.delivered).toBe(false);
    const inviteToken = invited.url!.split("/invite/")[1]!;

    const platform = await withPrivilegedDb("test fixture", (db) =>
      db.user.create({ data: { email: `platform-${randomUUID()}@example.test`, name: "Platform", passwordHash: "x", platformRole: "admin" } }),
    );
    const platformAdmin = await callerFor({ id: platform.id, email: platform.email, name: platform.name, platformRole: "admin" });
    const created = await platformAdmin.admin.tenants.create({ name: "Logged Org", slug: `logged-${randomUUID().slice(0, 8)}`, ownerEmail: `owner-${randomUUID()}@example.test` });
    const ownerToken = created.url!.split("/invite/")[1]!;

    const reset = await requestPasswordReset(tenant.users.AGENT.email, { origin: "http://app.test" });
    expect(await reset.mailed).toBe(false);

    const output = lines.join("");
    expect(output.match(/mail not sent/g)).toHaveLength(3);
    for (const token of [inviteToken, ownerToken]) expect(output).not.toContain(token);
    expect(output).not.toMatch(LINK);
  });

  it("redacts token, url and message fields should any log call carry them", () => {
    logger.warn({ token: "t0ken-1", url: "https://x/invite/t0ken-2", mail: { text: "t0ken-3", html: "t0ken-4", link: "t0ken-5" } }, "careless");
    expect(lines.join("")).not.toMatch(/t0ken-/);
    expect(lines.join("")).toContain("[redacted]");
  });
});
