// Customers: PII masked on the server for members without pii:read, search, edits under
// optimistic concurrency, and duplicates refused.
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let viewer: Caller;
let customerId: string;

beforeAll(async () => {
  tenant = await createTestTenant("cust");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
  const created = await agent.customers.create({
    name: "Jane Doe",
    email: "jane.doe@example.com",
    phone: "+31 6 1234 5678",
    company: "Example BV",
    externalId: "CRM-1",
    attributes: { plan: "pro", seats: 12 },
  });
  customerId = created.id;
});

describe("PII by role", () => {
  it("agents (pii:read) see email and phone; viewers see them masked, everywhere", async () => {
    expect(await agent.customers.get({ id: customerId })).toMatchObject({ email: "jane.doe@example.com", phone: "+31 6 1234 5678", piiMasked: false });
    expect(await viewer.customers.get({ id: customerId })).toMatchObject({ email: "j***@e***.com", phone: "•••• 5678", piiMasked: true, name: "Jane Doe" });
    const listed = (await viewer.customers.list({ q: "jane" })).items;
    expect(listed).toEqual([expect.objectContaining({ id: customerId, email: "j***@e***.com", phone: "•••• 5678" })]);

    const c = await agent.cases.create({ title: "Question about my plan", customerId });
    expect((await agent.cases.get({ id: c.id })).customer).toMatchObject({ id: customerId, email: "jane.doe@example.com" });
    expect((await viewer.cases.get({ id: c.id })).customer).toMatchObject({ id: customerId, email: "j***@e***.com" });
  });

  it("an API key gets what its role allows", async () => {
    const viewerKey = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    expect((await viewerKey.customers.get({ id: customerId })).email).toBe("j***@e***.com");
    const agentKey = await apiKeyCaller(await createTestApiKey(tenant, { role: "AGENT" }));
    expect((await agentKey.customers.get({ id: customerId })).email).toBe("jane.doe@example.com");
  });

  it("an exact email finds a customer only for roles that may read it (pii:read)", async () => {
    expect((await agent.customers.list({ q: "JANE.DOE@example.com" })).items.map((c) => c.id)).toEqual([customerId]);
    // Without pii:read a hit would confirm the address: an email matches nothing by email.
    expect((await viewer.customers.list({ q: "jane.doe@example.com" })).items).toEqual([]);
    const viewerKey = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    expect((await viewerKey.customers.list({ q: "jane.doe@example.com" })).items).toEqual([]);
    // Names and external ids still match for everyone.
    expect((await viewer.customers.list({ q: "CRM-1" })).items.map((c) => c.id)).toEqual([customerId]);
  });

  it("viewers cannot create or edit customers", async () => {
    await expectAppError(viewer.customers.create({ name: "Nope" }), "FORBIDDEN", "PERMISSION_DENIED");
    await expectAppError(viewer.customers.update({ id: customerId, version: 1, name: "Nope" }), "FORBIDDEN", "PERMISSION_DENIED");
  });
});

describe("customers", () => {
  it("searches by part of the name, exact external id or exact email; pages by name", async () => {
    for (const name of ["Anna Alpha", "Anna Beta", "Anna Gamma", "Bob Delta"]) await agent.customers.create({ name });
    expect((await agent.customers.list({ q: "ANNA" })).items.map((c) => c.name)).toEqual(["Anna Alpha", "Anna Beta", "Anna Gamma"]);
    expect((await agent.customers.list({ q: "CRM-1" })).items.map((c) => c.id)).toEqual([customerId]);
    expect((await agent.customers.list({ q: "50%" })).items).toEqual([]);
    const first = await agent.customers.list({ q: "anna", limit: 2 });
    const second = await agent.customers.list({ q: "anna", limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((c) => c.name)).toEqual(["Anna Alpha", "Anna Beta", "Anna Gamma"]);
    expect(second.nextCursor).toBeNull();
  });

  it("shows the customer's cases and open count", async () => {
    const detail = await agent.customers.get({ id: customerId });
    expect(detail.caseCounts.total).toBe(detail.cases.length);
    expect(detail.caseCounts.open).toBeGreaterThan(0);
    expect((await agent.customers.list({ q: "Jane" })).items[0]!.openCaseCount).toBe(detail.caseCounts.open);
  });

  it("refuses a second customer with the same email (any case) or external id", async () => {
    const dup = await expectAppError(agent.customers.create({ name: "Jane Again", email: "JANE.DOE@example.com" }), "CONFLICT");
    expect(dup.details?.fieldErrors).toHaveProperty("email");
    await expectAppError(agent.customers.create({ name: "Other", externalId: "CRM-1" }), "CONFLICT");
  });

  it("updates at the version read; a stale one is a CONFLICT with the current customer", async () => {
    const read = await agent.customers.get({ id: customerId });
    const updated = await agent.customers.update({ id: customerId, version: read.version, email: "jane@example.org", company: "New BV" });
    expect(updated).toMatchObject({ email: "jane@example.org", company: "New BV", version: read.version + 1, phone: "+31 6 1234 5678" });
    const error = await expectAppError(agent.customers.update({ id: customerId, version: read.version, name: "Stale" }), "CONFLICT", "STALE_VERSION");
    expect(error.details?.current).toMatchObject({ id: customerId, company: "New BV", version: updated.version });
    // The new address is found, the old one no longer.
    expect((await agent.customers.list({ q: "jane@example.org" })).items.map((c) => c.id)).toEqual([customerId]);
    expect((await agent.customers.list({ q: "jane.doe@example.com" })).items).toEqual([]);
    // Clearing a field.
    expect((await agent.customers.update({ id: customerId, version: updated.version, phone: null })).phone).toBeNull();
  });
});
