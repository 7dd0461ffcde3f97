// Forged cursors are refused before SQL sees them: each key is checked against its sort column's
// type, so a wrong type, an out-of-range date or text Postgres cannot store is a BAD_REQUEST on
// the `cursor` field, never a failed cast (22007, 22P02, 22008, 22021) answered as a 500.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { encodeCursor } from "./cursor";

let tenant: TestTenant;
let owner: Awaited<ReturnType<typeof callerFor>>;
let caseId: string;
const id = randomUUID();

beforeAll(async () => {
  tenant = await createTestTenant("cursor");
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  caseId = (await owner.cases.create({ title: "Paged case" })).id;
});

async function expectInvalidCursor(call: Promise<unknown>) {
  const error = await expectAppError(call, "BAD_REQUEST", "INVALID_CURSOR");
  expect(error.message).toBe("Invalid cursor");
  expect(error.details?.fieldErrors).toEqual({ cursor: [expect.any(String)] });
}

describe("forged cursors", () => {
  it.each([
    ["a timestamp key that is no timestamp", "created", { s: "created", o: "desc", k: ["garbage"], id }],
    ["a priority key that is no priority", "priority", { s: "priority", o: "desc", k: ["SUPER", "2024-01-01T00:00:00.000Z"], id }],
    ["year 0", "created", { s: "created", o: "desc", k: ["0000-01-01T00:00:00.000Z"], id }],
    ["year 99999", "updated", { s: "updated", o: "desc", k: ["+099999-01-01T00:00:00.000Z"], id }],
    ["null where the column is never null", "created", { s: "created", o: "desc", k: [null], id }],
    ["too few keys", "priority", { s: "priority", o: "desc", k: ["HIGH"], id }],
    ["an id that is no uuid", "created", { s: "created", o: "desc", k: ["2024-01-01T00:00:00.000Z"], id: "1 OR 1=1" }],
  ] as const)("cases.list refuses %s", async (_, sort, cursor) => {
    await expectInvalidCursor(owner.cases.list({ sort, cursor: encodeCursor(cursor) }));
  });

  it("cases.list still takes a null key of a nullable column (nulls sort last)", async () => {
    const page = await owner.cases.list({ sort: "resolutionDue", order: "asc", cursor: encodeCursor({ s: "resolutionDue", o: "asc", k: [null], id }) });
    expect(page.items).toEqual(expect.any(Array));
  });

  it("time-ordered lists refuse a time out of range", async () => {
    const yearZero = encodeCursor({ at: "0000-01-01T00:00:00.000Z", id });
    await expectInvalidCursor(owner.cases.timeline({ caseId, cursor: yearZero }));
    await expectInvalidCursor(owner.audit.list({ cursor: yearZero }));
    await expectInvalidCursor(owner.jobs.list({ cursor: yearZero }));
    await expectInvalidCursor(owner.invitations.list({ cursor: yearZero }));
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectInvalidCursor(agent.notifications.list({ cursor: yearZero }));
  });

  it("customers.list refuses a name key Postgres cannot compare", async () => {
    await expectInvalidCursor(owner.customers.list({ cursor: encodeCursor({ n: "a\u0000b", id }) }));
    await expectInvalidCursor(owner.customers.list({ cursor: encodeCursor({ n: "\uD800", id }) }));
    await expectInvalidCursor(owner.customers.list({ cursor: encodeCursor({ n: 42, id }) }));
  });
});
