// Saved views: personal ones are private to their owner; shared ones are seen by everyone and
// changed only by their owner or an admin.
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let admin: Caller;
let owner: Caller;
let viewer: Caller;

beforeAll(async () => {
  tenant = await createTestTenant("views");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
});

describe("saved views", () => {
  it("keeps personal views private and shows shared ones to all; filters round-trip, dates included", async () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const mine = await agent.views.create({ name: "My urgent", filters: { priority: ["URGENT"], tab: "mine", createdFrom: from, sort: "updated" } });
    const team = await agent.views.create({ name: "Team breaches", filters: { sla: "breached" }, shared: true });
    expect(mine.filters).toMatchObject({ priority: ["URGENT"], tab: "mine", createdFrom: from, sort: "updated" });
    expect((await agent.views.list()).map((v) => v.name)).toEqual(["My urgent", "Team breaches"]);
    expect((await viewer.views.list()).map((v) => [v.name, v.editable])).toEqual([["Team breaches", false]]);
    await expectAppError(admin.views.update({ id: mine.id, name: "Peeked" }), "NOT_FOUND");
    // A saved view's filters are a valid list query.
    expect((await agent.cases.list({ ...team.filters })).items).toEqual([]);
  });

  it("lets only the owner or an admin change a shared view; viewers keep personal views only", async () => {
    const team = await owner.views.create({ name: "Owner's shared", filters: {}, shared: true });
    await expectAppError(agent.views.update({ id: team.id, name: "Agent's now" }), "FORBIDDEN");
    await expectAppError(agent.views.delete({ id: team.id }), "FORBIDDEN");
    expect((await admin.views.update({ id: team.id, name: "Renamed by admin" })).name).toBe("Renamed by admin");
    await expectAppError(viewer.views.create({ name: "Viewer's shared", filters: {}, shared: true }), "FORBIDDEN");
    const personal = await viewer.views.create({ name: "Viewer's own", filters: { status: ["OPEN"] } });
    expect(personal.editable).toBe(true);
    expect(await admin.views.delete({ id: team.id })).toEqual({ id: team.id });
    expect((await agent.views.list()).map((v) => v.id)).not.toContain(team.id);
  });

  it("rejects filters the list would not accept", async () => {
    await expectAppError(agent.views.create({ name: "Bad", filters: { status: ["DONE"] } as never }), "BAD_REQUEST");
  });
});
