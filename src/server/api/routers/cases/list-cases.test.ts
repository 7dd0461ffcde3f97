// The cases list: every filter, tabs and their counts, and keyset pagination over each sort in
// both directions, on data full of ties (same creation time, same priority, missing due times),
// checked against the same order computed here.
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_PRIORITIES, type CasePriority, type CaseStatus } from "@/lib/validations/case";
import type { CaseListQueryInput } from "@/lib/validations/case-filters";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
let customerId: string;

interface Row {
  id: string;
  number: number;
  status: CaseStatus;
  priority: CasePriority;
  createdAt: Date;
  updatedAt: Date;
  resolutionDueAt: Date | null;
  assigneeId: string | null;
  tags: string[];
  title: string;
}
let rows: Row[];

const T0 = Date.UTC(2026, 0, 10, 12);
const HOUR = 3_600_000;
const STATUSES: CaseStatus[] = ["NEW", "OPEN", "PENDING", "RESOLVED", "CLOSED"];

beforeAll(async () => {
  tenant = await createTestTenant("list");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  customerId = (await agent.customers.create({ name: "Filter Customer" })).id;
  const now = Date.now();
  await withPrivilegedDb("test fixture", (db) =>
    db.case.createMany({
      data: Array.from({ length: 23 }, (_, i) => ({
        tenantId: tenant.id,
        title: i % 5 === 0 ? `Refund for order ${i}` : `Login trouble ${i}`,
        description: i % 7 === 0 ? "The invoice shows a wrong VAT number" : "",
        // Groups of three share a creation time, so every sort has ties.
        createdAt: new Date(T0 + Math.floor(i / 3) * HOUR),
        updatedAt: new Date(T0 + (i % 4) * HOUR),
        status: STATUSES[i % STATUSES.length]!,
        priority: CASE_PRIORITIES[i % 4]!,
        tags: i % 2 ? ["billing"] : ["login"],
        assigneeId: i % 3 === 0 ? tenant.users.AGENT.id : i % 3 === 1 ? tenant.users.OWNER.id : null,
        customerId: i < 4 ? customerId : null,
        channel: i % 2 ? "EMAIL" : "CHAT",
        category: i % 2 ? "Problem" : "Question",
        // Some missing, some past (breached while open), some due within the hour, the rest far ahead.
        resolutionDueAt: i % 6 === 0 ? null : i % 6 === 1 ? new Date(now - HOUR) : i % 6 === 2 ? new Date(now + HOUR / 2) : new Date(T0 + (i % 3) * HOUR + 400 * 86_400_000),
      })),
    }),
  );
  rows = await withPrivilegedDb("test fixture", (db) =>
    db.case.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, number: true, status: true, priority: true, createdAt: true, updatedAt: true, resolutionDueAt: true, assigneeId: true, tags: true, title: true },
    }),
  );
});

async function allPages(query: CaseListQueryInput, limit = 3): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Awaited<ReturnType<typeof agent.cases.list>> = await agent.cases.list({ ...query, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("pagination did not end");
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = (p: CasePriority) => CASE_PRIORITIES.indexOf(p);

function expectedOrder(sort: "created" | "updated" | "priority" | "resolutionDue", order: "asc" | "desc"): string[] {
  const dir = order === "asc" ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      if (sort === "resolutionDue") {
        // Nulls last in both directions.
        if (!a.resolutionDueAt !== !b.resolutionDueAt) return a.resolutionDueAt ? -1 : 1;
        const d = a.resolutionDueAt && b.resolutionDueAt ? cmp(a.resolutionDueAt.getTime(), b.resolutionDueAt.getTime()) : 0;
        return dir * (d || cmp(a.id, b.id));
      }
      const keys: [number, number][] =
        sort === "created"
          ? [[a.createdAt.getTime(), b.createdAt.getTime()]]
          : sort === "updated"
            ? [[a.updatedAt.getTime(), b.updatedAt.getTime()]]
            : [
                [rank(a.priority), rank(b.priority)],
                [a.createdAt.getTime(), b.createdAt.getTime()],
              ];
      for (const [x, y] of keys) if (x !== y) return dir * cmp(x, y);
      return dir * cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

describe("keyset pagination", () => {
  it.each([
    ["created", "desc"],
    ["created", "asc"],
    ["updated", "desc"],
    ["updated", "asc"],
    ["priority", "desc"],
    ["priority", "asc"],
    ["resolutionDue", "asc"],
    ["resolutionDue", "desc"],
  ] as const)("sort %s %s: pages of 3 give every case once, in the stable order", async (sort, order) => {
    expect(await allPages({ sort, order })).toEqual(expectedOrder(sort, order));
  });

  it("defaults: newest first; cursors are opaque and bound to their sort", async () => {
    const first = await agent.cases.list({ limit: 5 });
    expect(first.items.map((c) => c.id)).toEqual(expectedOrder("created", "desc").slice(0, 5));
    await expectAppError(agent.cases.list({ sort: "priority", cursor: first.nextCursor }), "BAD_REQUEST", "INVALID_CURSOR");
    await expectAppError(agent.cases.list({ cursor: "not-a-cursor" }), "BAD_REQUEST", "INVALID_CURSOR");
  });
});

describe("previous pages", () => {
  it.each([
    ["created", "desc"],
    ["created", "asc"],
    ["priority", "desc"],
    ["priority", "asc"],
    ["resolutionDue", "asc"],
    ["resolutionDue", "desc"],
  ] as const)("sort %s %s: walking back from the last page gives the same pages as walking forward", async (sort, order) => {
    const forward: string[][] = [];
    let page = await agent.cases.list({ sort, order, limit: 4 });
    expect(page.prevCursor).toBeNull();
    forward.push(page.items.map((c) => c.id));
    while (page.nextCursor) {
      page = await agent.cases.list({ sort, order, limit: 4, cursor: page.nextCursor });
      expect(page.prevCursor).not.toBeNull();
      forward.push(page.items.map((c) => c.id));
    }
    expect(forward.flat()).toEqual(expectedOrder(sort, order));
    const backward: string[][] = [forward.at(-1)!];
    while (page.prevCursor) {
      page = await agent.cases.list({ sort, order, limit: 4, cursor: page.prevCursor });
      // Every page read backwards leads forward again.
      expect(page.nextCursor).not.toBeNull();
      backward.unshift(page.items.map((c) => c.id));
    }
    expect(backward).toEqual(forward);
  });

  it("backwards with a text filter, and a previous cursor is bound to its sort like any other", async () => {
    const query = { q: "trouble", limit: 3 } as const;
    const first = await agent.cases.list(query);
    const second = await agent.cases.list({ ...query, cursor: first.nextCursor });
    expect((await agent.cases.list({ ...query, cursor: second.prevCursor })).items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
    await expectAppError(agent.cases.list({ sort: "updated", cursor: second.prevCursor }), "BAD_REQUEST", "INVALID_CURSOR");
  });
});

describe("filters", () => {
  const ids = (pred: (r: Row) => boolean) => rows.filter(pred).map((r) => r.id).sort();
  const listed = async (query: CaseListQueryInput) => (await allPages(query, 50)).sort();
  const OPEN: CaseStatus[] = ["NEW", "OPEN", "PENDING", "SNOOZED"];

  it("each filter alone", async () => {
    expect(await listed({ status: ["NEW", "CLOSED"] })).toEqual(ids((r) => r.status === "NEW" || r.status === "CLOSED"));
    expect(await listed({ priority: ["URGENT"] })).toEqual(ids((r) => r.priority === "URGENT"));
    // Odd rows are EMAIL, Problem and billing; even ones CHAT, Question and login.
    expect(await listed({ channel: ["EMAIL"] })).toEqual(ids((r) => r.tags.includes("billing")));
    expect(await listed({ category: "Question" })).toEqual(ids((r) => r.tags.includes("login")));
    expect(await listed({ tag: "billing" })).toEqual(ids((r) => r.tags.includes("billing")));
    expect(await listed({ assigneeId: "me" })).toEqual(ids((r) => r.assigneeId === tenant.users.AGENT.id));
    expect(await listed({ assigneeId: "none" })).toEqual(ids((r) => r.assigneeId === null));
    expect(await listed({ assigneeId: tenant.users.OWNER.id })).toEqual(ids((r) => r.assigneeId === tenant.users.OWNER.id));
    expect(await listed({ customerId })).toHaveLength(4);
    const from = new Date(T0 + 2 * HOUR);
    const to = new Date(T0 + 4 * HOUR);
    expect(await listed({ createdFrom: from, createdTo: to })).toEqual(ids((r) => r.createdAt >= from && r.createdAt < to));
    expect(await listed({ updatedFrom: new Date(T0 + 3 * HOUR) })).toEqual(ids((r) => r.updatedAt >= new Date(T0 + 3 * HOUR)));
    const now = Date.now();
    expect(await listed({ sla: "breached" })).toEqual(ids((r) => OPEN.includes(r.status) && !!r.resolutionDueAt && r.resolutionDueAt.getTime() < now));
    expect(await listed({ sla: "due_soon" })).toEqual(
      ids((r) => OPEN.includes(r.status) && !!r.resolutionDueAt && r.resolutionDueAt.getTime() > now && r.resolutionDueAt.getTime() < now + 2 * HOUR),
    );
  });

  it("full-text search over title and description, and by number", async () => {
    expect(await listed({ q: "refund" })).toEqual(ids((r) => r.title.startsWith("Refund")));
    expect(await listed({ q: "VAT invoice" })).toHaveLength(rows.filter((_, i) => i % 7 === 0).length);
    expect(await listed({ q: "refund -order" })).toEqual([]);
    const some = rows[5]!;
    expect(await listed({ q: `#${some.number}` })).toEqual([some.id]);
  });

  it("filters combine with AND, and with the tabs; counts follow the filter", async () => {
    const query = { tag: "billing", status: ["NEW", "OPEN", "PENDING"] as CaseStatus[] };
    const match = (r: Row) => r.tags.includes("billing") && ["NEW", "OPEN", "PENDING"].includes(r.status);
    expect(await listed(query)).toEqual(ids(match));
    expect(await listed({ ...query, tab: "mine" })).toEqual(ids((r) => match(r) && r.assigneeId === tenant.users.AGENT.id));
    expect(await listed({ ...query, tab: "unassigned" })).toEqual(ids((r) => match(r) && r.assigneeId === null));
    expect(await agent.cases.counts(query)).toEqual({
      all: ids(match).length,
      mine: ids((r) => match(r) && r.assigneeId === tenant.users.AGENT.id).length,
      unassigned: ids((r) => match(r) && r.assigneeId === null).length,
      // No teams here (teams.test.ts counts them).
      my_teams: 0,
    });
    expect((await agent.cases.counts()).all).toBe(rows.length);
  });

  it("several values of a field mean any of them; one value still reads as before", async () => {
    expect(await listed({ tag: ["billing", "login"] })).toEqual(ids(() => true));
    expect(await listed({ assigneeId: ["me", "none"] })).toEqual(ids((r) => r.assigneeId === tenant.users.AGENT.id || r.assigneeId === null));
    expect(await listed({ assigneeId: [tenant.users.OWNER.id, tenant.users.AGENT.id] })).toEqual(ids((r) => r.assigneeId !== null));
    expect(await listed({ category: ["Problem", "Nope"] })).toEqual(ids((r) => r.tags.includes("billing")));
    // No teams here: "in no team" is every case, a team id of nobody's is none.
    expect(await listed({ teamId: ["none"] })).toEqual(ids(() => true));
    expect(await listed({ teamId: ["none", "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50"] })).toEqual(ids(() => true));
    expect(await listed({ teamId: ["0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50"] })).toEqual([]);
  });

  it("'is not' leaves out the values named and keeps cases that have no value at all", async () => {
    expect(await listed({ notStatus: ["RESOLVED", "CLOSED"] })).toEqual(ids((r) => OPEN.includes(r.status)));
    // Not assigned to the owner: the agent's cases and the unassigned ones (a NULL assignee is kept).
    expect(await listed({ notAssigneeId: [tenant.users.OWNER.id] })).toEqual(ids((r) => r.assigneeId !== tenant.users.OWNER.id));
    expect(await listed({ notAssigneeId: ["none"] })).toEqual(ids((r) => r.assigneeId !== null));
    expect(await listed({ notAssigneeId: ["me", "none"] })).toEqual(ids((r) => r.assigneeId === tenant.users.OWNER.id));
    expect(await listed({ notTag: ["billing"] })).toEqual(ids((r) => !r.tags.includes("billing")));
    expect(await listed({ notTeamId: ["none"] })).toEqual([]);
    // With an "is" of the same field, and with other filters: all of them hold.
    const query = { status: OPEN, notPriority: ["LOW", "URGENT"] as CasePriority[], notTag: ["login"] };
    const match = (r: Row) => OPEN.includes(r.status) && !["LOW", "URGENT"].includes(r.priority) && !r.tags.includes("login");
    expect(await listed(query)).toEqual(ids(match));
    expect((await agent.cases.counts(query)).all).toBe(ids(match).length);
  });

  it("refuses too many values, or a bad one, naming the field", async () => {
    const error = await expectAppError(agent.cases.list({ tag: Array.from({ length: 21 }, (_, i) => `t${i}`) }), "BAD_REQUEST");
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toEqual(["tag"]);
    const bad = await expectAppError(agent.cases.list({ notAssigneeId: ["someone"] }), "BAD_REQUEST");
    expect(Object.keys((bad.details as { fieldErrors: object }).fieldErrors)).toEqual(["notAssigneeId.0"]);
  });

  it("an API key has no 'me': the Mine tab is empty for it", async () => {
    const { apiKeyCaller, createTestApiKey } = await import("@/test/factories");
    const key = await apiKeyCaller(await createTestApiKey(tenant));
    expect((await key.cases.list({ tab: "mine" })).items).toEqual([]);
    expect((await key.cases.counts()).mine).toBe(0);
  });
});
