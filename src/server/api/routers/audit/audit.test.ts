import { describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant } from "@/test/factories";

describe("audit log", () => {
  it("records changes with actor and request id, filters, and pages by cursor", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    for (let i = 0; i < 5; i++) await agent.cases.create({ title: `Audited case ${i}` });
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.apiKeys.create({ name: "reporting", role: "VIEWER" });

    const created = await admin.audit.list({ action: "case.created", limit: 2 });
    expect(created.items).toHaveLength(2);
    expect(created.items.every((e) => e.actorId === tenant.users.AGENT.id && e.requestId)).toBe(true);
    const seen = [...created.items];
    let cursor = created.nextCursor;
    while (cursor) {
      const page = await admin.audit.list({ action: "case.created", limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    expect((await admin.audit.list({ actorId: tenant.users.ADMIN.id })).items.map((e) => e.action)).toEqual(["api_key.created"]);
  });

  it("is readable by admins only, and refuses a forged cursor", async () => {
    const tenant = await createTestTenant();
    await expectAppError((await callerFor(tenant.users.AGENT, tenant.slug)).audit.list({}), "FORBIDDEN");
    await expectAppError((await callerFor(tenant.users.ADMIN, tenant.slug)).audit.list({ cursor: "bm9wZQ" }), "BAD_REQUEST");
  });
});
