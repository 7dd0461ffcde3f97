import { describe, expect, it } from "vitest";
import { callerFor, createTestTenant } from "@/test/factories";
import { expectAppError } from "@/test/errors";

describe("cases", () => {
  it("creates a case with the next number of its tenant and lists it first", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const first = await agent.cases.create({ title: "Printer on fire", priority: "URGENT", tags: ["Hardware"] });
    const second = await agent.cases.create({ title: "Second case" });
    expect(first.number).toBe(1);
    expect(second.number).toBe(2);
    expect(first.tags).toEqual(["hardware"]);
    const page = await agent.cases.list({ limit: 10 });
    expect(page.items.map((c) => c.number)).toEqual([2, 1]);
    expect((await agent.cases.get({ number: 1 })).title).toBe("Printer on fire");
  });

  it("paginates with a cursor in a stable order", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    for (let i = 0; i < 7; i++) await agent.cases.create({ title: `Case ${i}` });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof agent.cases.list>> = await agent.cases.list({ limit: 3, cursor });
      seen.push(...page.items.map((c) => c.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("rejects bad input with field errors", async () => {
    const tenant = await createTestTenant();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expect(agent.cases.create({ title: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses writes to viewers", async () => {
    const tenant = await createTestTenant();
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expect(viewer.cases.create({ title: "Not allowed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await viewer.cases.list({})).items).toHaveLength(0);
  });
});

describe("cases.create with an assignee", () => {
  it("gives the case to the member named (who hears of it), refuses a viewer with a field error and another tenant's member as NOT_FOUND", async () => {
    const tenant = await createTestTenant("create-assignee");
    const other = await createTestTenant("create-assignee-other");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const created = await admin.cases.create({ title: "Given to the agent", assigneeId: tenant.users.AGENT.id });
    expect(created.assignee).toEqual({ id: tenant.users.AGENT.id, name: tenant.users.AGENT.name });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const inbox = await agent.notifications.list({ limit: 10 });
    expect(inbox.items.some((n) => n.case?.id === created.id && n.type === "assigned")).toBe(true);

    const viewer = await expectAppError(admin.cases.create({ title: "To a viewer", assigneeId: tenant.users.VIEWER.id }), "BAD_REQUEST");
    expect(viewer.details?.fieldErrors).toEqual({ assigneeId: ["Viewers cannot be assigned cases"] });
    await expectAppError(admin.cases.create({ title: "To an outsider", assigneeId: other.users.AGENT.id }), "NOT_FOUND");
    const titles = (await admin.cases.list({ tab: "all", limit: 100 })).items.map((c) => c.title);
    expect(titles).toEqual(["Given to the agent"]);
  });
});
