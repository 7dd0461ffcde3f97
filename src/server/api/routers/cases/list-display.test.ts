// The cases list's display (density, columns, preview pane) is each member's own, kept on their
// membership in this tenant; keys have none.
import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_DISPLAY } from "@/lib/validations/list-display";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant } from "@/test/factories";

describe("cases list display", () => {
  it("starts at the defaults, keeps each member's own choice, and columns in the list's order", async () => {
    const tenant = await createTestTenant("display");
    const [agent, viewer] = [await callerFor(tenant.users.AGENT, tenant.slug), await callerFor(tenant.users.VIEWER, tenant.slug)];
    expect(await agent.cases.display()).toEqual(DEFAULT_LIST_DISPLAY);
    expect(DEFAULT_LIST_DISPLAY).toEqual({ density: "comfortable", columns: ["priority", "sla", "assignee", "team", "updated"], preview: false });

    const saved = await agent.cases.setDisplay({ density: "compact", columns: ["updated", "priority"], preview: true });
    expect(saved).toEqual({ density: "compact", columns: ["priority", "updated"], preview: true });
    expect(await agent.cases.display()).toEqual(saved);
    // A viewer keeps one too (it changes nothing of the tenant's), and it is theirs alone.
    expect(await viewer.cases.display()).toEqual(DEFAULT_LIST_DISPLAY);
    await viewer.cases.setDisplay({ columns: [] });
    expect((await viewer.cases.display()).columns).toEqual([]);
    expect(await agent.cases.display()).toEqual(saved);
  });

  it("belongs to the membership: the same person in another tenant has their own", async () => {
    const [one, two] = [await createTestTenant("display-1"), await createTestTenant("display-2")];
    await withPrivilegedDb("test fixture", (db) => db.membership.create({ data: { tenantId: two.id, userId: one.users.AGENT.id, role: "AGENT" } }));
    await (await callerFor(one.users.AGENT, one.slug)).cases.setDisplay({ density: "compact" });
    expect((await (await callerFor(one.users.AGENT, two.slug)).cases.display()).density).toBe("comfortable");
  });

  it("refuses unknown columns and densities, naming the field; a stored value of an older shape reads as the defaults", async () => {
    const tenant = await createTestTenant("display-bad");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const error = await expectAppError(agent.cases.setDisplay({ columns: ["secret" as never] }), "BAD_REQUEST");
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toEqual(["columns.0"]);
    await expectAppError(agent.cases.setDisplay({ density: "tiny" as never }), "BAD_REQUEST");
    await withPrivilegedDb("test fixture", (db) =>
      db.membership.updateMany({ where: { tenantId: tenant.id, userId: tenant.users.AGENT.id }, data: { listDisplay: { density: 42 } } }),
    );
    expect(await agent.cases.display()).toEqual(DEFAULT_LIST_DISPLAY);
  });

  it("is refused to API keys, which have no membership to keep it on", async () => {
    const tenant = await createTestTenant("display-key");
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "OWNER" }));
    await expectAppError(key.cases.display(), "FORBIDDEN");
    await expectAppError(key.cases.setDisplay({ preview: true }), "FORBIDDEN");
  });
});
