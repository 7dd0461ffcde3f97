import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { hashApiKey } from "@/server/auth/api-keys";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestTenant } from "@/test/factories";

describe("API keys", () => {
  it("creates a key shown once, stored only as a hash, usable for its tenant", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const { apiKey, secret } = await admin.apiKeys.create({ name: "Nightly sync", role: "AGENT", expiresInDays: 30 });
    expect(secret.startsWith(`cb_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const stored = await withPrivilegedDb("test check", (db) => db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } }));
    expect(stored.hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const script = await apiKeyCaller(secret);
    expect((await script.tenant.current()).id).toBe(tenant.id);
    const listed = await admin.apiKeys.list();
    expect(listed.map((k) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("refuses a key above the creator's role, and to members without the permission", async () => {
    const tenant = await createTestTenant();
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    // OWNER keys are refused by the schema; ADMIN is the highest an admin may mint.
    await expectAppError(admin.apiKeys.create({ name: "too strong", role: "OWNER" as "ADMIN" }), "BAD_REQUEST");
    expect((await admin.apiKeys.create({ name: "admin key", role: "ADMIN" })).apiKey.role).toBe("ADMIN");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.apiKeys.create({ name: "nope", role: "VIEWER" }), "FORBIDDEN", "PERMISSION_DENIED");
    await expectAppError(agent.apiKeys.list(), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("a revoked key stops working at once and the revocation is audited", async () => {
    const tenant = await createTestTenant();
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const { apiKey, secret } = await owner.apiKeys.create({ name: "to revoke", role: "VIEWER" });
    await (await apiKeyCaller(secret)).cases.list({});
    const revoked = await owner.apiKeys.revoke({ id: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expectAppError((await apiKeyCaller(secret)).cases.list({}), "UNAUTHORIZED", "API_KEY_REVOKED");
    const actions = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId: apiKey.id }, select: { action: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });
});
