// Canned responses: personal ones are their owner's alone, shared ones are seen by everyone who
// replies and changed only by admins; inserting one fills its placeholders for the case.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let admin: Caller;
let owner: Caller;
let viewer: Caller;

beforeAll(async () => {
  tenant = await createTestTenant("canned");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
});

describe("canned responses", () => {
  it("keeps personal responses private and shows the team's to everyone who replies", async () => {
    const mine = await agent.cannedResponses.create({ title: "My sign-off", body: "Cheers, {{agent.firstName}}" });
    const team = await admin.cannedResponses.create({ title: "Refund policy", body: "Refunds take 5 days.", shared: true });
    expect((await agent.cannedResponses.list({})).map((r) => [r.title, r.editable])).toEqual([
      ["My sign-off", true],
      ["Refund policy", false],
    ]);
    expect((await owner.cannedResponses.list({})).map((r) => [r.title, r.editable])).toEqual([["Refund policy", true]]);
    // Another member's personal response does not exist for anyone else, admins included.
    await expectAppError(admin.cannedResponses.update({ id: mine.id, title: "Peeked" }), "NOT_FOUND");
    await expectAppError(owner.cannedResponses.delete({ id: mine.id }), "NOT_FOUND");
    // Searching matches title and text, in any case.
    expect((await agent.cannedResponses.list({ q: "REFUND" })).map((r) => r.id)).toEqual([team.id]);
    expect((await agent.cannedResponses.list({ q: "cheers" })).map((r) => r.id)).toEqual([mine.id]);
  });

  it("lets only admins share, change or delete the team's responses; viewers have none", async () => {
    await expectAppError(agent.cannedResponses.create({ title: "For everyone", body: "Hi", shared: true }), "FORBIDDEN", "PERMISSION_DENIED");
    const team = await owner.cannedResponses.create({ title: "Shipping times", body: "Orders ship in 2 days.", shared: true });
    await expectAppError(agent.cannedResponses.update({ id: team.id, body: "Changed by an agent" }), "FORBIDDEN");
    await expectAppError(agent.cannedResponses.delete({ id: team.id }), "FORBIDDEN");
    const mine = await agent.cannedResponses.create({ title: "Agent's own", body: "Hello" });
    await expectAppError(agent.cannedResponses.update({ id: mine.id, shared: true }), "FORBIDDEN", "PERMISSION_DENIED");
    expect((await admin.cannedResponses.update({ id: team.id, title: "Shipping" })).title).toBe("Shipping");
    expect(await admin.cannedResponses.delete({ id: team.id })).toEqual({ id: team.id });
    await expectAppError(viewer.cannedResponses.list({}), "FORBIDDEN");
    await expectAppError(viewer.cannedResponses.create({ title: "Viewer's", body: "Hi" }), "FORBIDDEN");
  });

  it("fills the placeholders for the case and the member inserting it", async () => {
    const customer = await agent.customers.create({ name: "Ada Lovelace", email: "ada@example.test" });
    const withCustomer = await agent.cases.create({ title: "Engine will not start", customerId: customer.id });
    const bare = await agent.cases.create({ title: "No customer yet" });
    const response = await agent.cannedResponses.create({
      title: "Greeting",
      body: "Hi {{customer.firstName}}, about #{{case.number}} ({{case.title}}): {{agent.name}} of {{tenant.name}} here.",
    });
    expect(await agent.cannedResponses.render({ id: response.id, caseId: withCustomer.id })).toEqual({
      body: `Hi Ada, about #${withCustomer.number} (Engine will not start): ${tenant.users.AGENT.name} of Tenant ${tenant.slug} here.`,
    });
    expect((await agent.cannedResponses.render({ id: response.id, caseId: bare.id })).body).toMatch(/^Hi, about #\d+ \(No customer yet\)/);
    // Another member's personal response cannot be rendered either.
    await expectAppError(admin.cannedResponses.render({ id: response.id, caseId: bare.id }), "NOT_FOUND");
  });

  it("refuses an unknown placeholder with a message that lists the known ones", async () => {
    const error = await expectAppError(agent.cannedResponses.create({ title: "Typo", body: "Hi {{customer.nam}}" }), "BAD_REQUEST");
    const messages = (error.details?.fieldErrors as Record<string, string[]>).body!;
    expect(messages[0]).toContain("{{customer.nam}}");
    expect(messages[0]).toContain("{{customer.name}}");
    expect((await agent.cannedResponses.list({ q: "Typo" })).length).toBe(0);
  });

  it("makes what an API key creates shared, and keeps it so", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "ADMIN" }), tenant.slug);
    const created = await key.cannedResponses.create({ title: "From a script", body: "Automated hello" });
    expect(created).toMatchObject({ shared: true, ownerId: null, editable: true });
    await expectAppError(key.cannedResponses.update({ id: created.id, shared: false }), "BAD_REQUEST");
    expect((await agent.cannedResponses.list({ q: "From a script" })).map((r) => r.id)).toEqual([created.id]);
  });

  it("records each change in the audit log, with the title", async () => {
    const response = await admin.cannedResponses.create({ title: "Audited", body: "One", shared: true });
    await admin.cannedResponses.update({ id: response.id, title: "Audited twice", body: "Two words" });
    await admin.cannedResponses.delete({ id: response.id });
    const events = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId: response.id }, orderBy: { seq: "asc" }, select: { action: true, diff: true } }),
    );
    expect(events.map((e) => e.action)).toEqual(["canned_response.created", "canned_response.updated", "canned_response.deleted"]);
    expect(events[1]!.diff).toMatchObject({ title: { from: "Audited", to: "Audited twice" } });
  });
});
