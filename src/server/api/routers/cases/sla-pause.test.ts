// SLA clocks pause while a case is PENDING or SNOOZED, through the real procedures on a real
// database. Pauses are given a start in the past by writing sla_paused_at directly (the services
// take "now" from the clock); the resume is then checked exactly against the working time the
// status_changed event recorded, and that time against the event's own instant.
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseStatus } from "@/lib/validations/case";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { addWorkingMs, workingMsBetween } from "@/server/services/cases/sla";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The test tenant's schedule: the default (UTC, Mon–Fri 09:00–17:00). */
const schedule = tenantSettingsSchema.parse({});

let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  tenant = await createTestTenant("sla-pause");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});

const setCase = (id: string, data: Prisma.CaseUncheckedUpdateManyInput) =>
  withPrivilegedDb("test fixture", (db) => db.case.updateMany({ where: { id, tenantId: tenant.id }, data }));
const rowOf = (id: string) =>
  withPrivilegedDb("test check", (db) =>
    db.case.findFirstOrThrow({
      where: { id, tenantId: tenant.id },
      select: { status: true, slaPausedAt: true, firstRespondedAt: true, firstResponseDueAt: true, resolutionDueAt: true },
    }),
  );
const lastEvent = async (caseId: string) => {
  const item = (await agent.cases.timeline({ caseId, order: "desc", limit: 1 })).items[0]!;
  if (item.type !== "event") throw new Error("expected an event");
  return item as typeof item & { to: Record<string, unknown> };
};
const newCase = async (title: string) => (await createTestCases(tenant, [title]))[0]!;

/** A case put in `status` with its clocks paused since `pausedAt`, and the given due times. */
async function pausedCase(title: string, status: CaseStatus, pausedAt: Date, due: { firstResponseDueAt: Date | null; resolutionDueAt: Date | null }) {
  const c = await newCase(title);
  await setCase(c.id, {
    status,
    slaPausedAt: pausedAt,
    snoozedUntil: status === "SNOOZED" ? new Date(Date.now() + DAY) : null,
    ...due,
  });
  return c.id;
}

describe("first response and the shorter workflow", () => {
  it("NEW → PENDING → SNOOZED → RESOLVED records no first response; the pause starts once and ends at the resolution", async () => {
    const c = await newCase("Straight to pending");
    const pending = await agent.cases.transition({ id: c.id, to: "PENDING", version: c.version });
    expect(pending.firstRespondedAt).toBeNull();
    expect(pending.slaPausedAt).toBeInstanceOf(Date);
    expect(pending.sla.firstResponse.state).toBe("paused");
    expect(pending.sla.resolution.state).toBe("paused");
    expect(pending.sla.resolution.dueAt).toEqual(c.sla.resolution.dueAt);
    expect((await lastEvent(c.id)).to).toEqual({ status: "PENDING", slaPaused: true });

    const snoozed = await agent.cases.transition({ id: c.id, to: "SNOOZED", until: new Date(Date.now() + DAY) });
    expect(snoozed.slaPausedAt).toEqual(pending.slaPausedAt);
    expect((await lastEvent(c.id)).to).toEqual({ status: "SNOOZED", until: expect.any(String) });

    const resolved = await agent.cases.transition({ id: c.id, to: "RESOLVED" });
    expect(resolved.firstRespondedAt).toBeNull();
    expect(resolved.slaPausedAt).toBeNull();
    // Stopped at the resolution, well before either due time: met.
    expect(resolved.sla.firstResponse.state).toBe("met");
    expect(resolved.sla.resolution.state).toBe("met");
    const event = await lastEvent(c.id);
    expect(event.to).toMatchObject({ status: "RESOLVED", slaPausedMs: expect.any(Number), resolutionMs: expect.any(Number) });
    expect(event.to.slaPausedMs).toBe(workingMsBetween(pending.slaPausedAt!, event.createdAt, schedule));
  });

  it("NEW → RESOLVED without a reply: the first-response clock stops at the resolution, met or missed against its due time", async () => {
    const c = await newCase("Resolved unanswered");
    const resolved = await agent.cases.transition({ id: c.id, to: "RESOLVED" });
    expect(resolved.firstRespondedAt).toBeNull();
    expect(resolved.sla.firstResponse).toEqual({ dueAt: c.sla.firstResponse.dueAt, state: "met" });
    await setCase(c.id, { firstResponseDueAt: new Date(resolved.resolvedAt!.getTime() - MIN) });
    expect((await agent.cases.get({ id: c.id })).sla.firstResponse.state).toBe("missed");
    // Reopened, it runs again (and is breached: its due time is past).
    const reopened = await agent.cases.transition({ id: c.id, to: "OPEN" });
    expect(reopened.sla.firstResponse.state).toBe("breached");
  });

  it("a NEW case still cannot be closed, and a closed one stays closed", async () => {
    const c = await newCase("Not closable");
    const error = await expectAppError(agent.cases.transition({ id: c.id, to: "CLOSED" }), "BAD_REQUEST", "TRANSITION_REFUSED");
    expect(error.message).toBe("A new case cannot be closed before it is resolved; it can become open, pending, snoozed or resolved");
    await agent.cases.transition({ id: c.id, to: "RESOLVED" });
    await agent.cases.transition({ id: c.id, to: "CLOSED" });
    await expectAppError(agent.cases.transition({ id: c.id, to: "OPEN" }), "BAD_REQUEST", "TRANSITION_REFUSED");
  });

  it("a reply to a pending case is a first response, but leaves it pending and paused", async () => {
    const c = await newCase("Reply while pending");
    await agent.cases.transition({ id: c.id, to: "PENDING" });
    await agent.cases.addMessage({ caseId: c.id, kind: "PUBLIC_REPLY", body: "Any news?" });
    const after = await agent.cases.get({ id: c.id });
    expect(after.status).toBe("PENDING");
    expect(after.firstRespondedAt).toBeInstanceOf(Date);
    expect(after.sla.firstResponse.state).toBe("met");
    expect(after.sla.resolution.state).toBe("paused");
  });
});

describe("pause and resume", () => {
  it("resuming moves each running due time forward by the working time paused; one past due at the pause stays", async () => {
    const pausedAt = new Date(Date.now() - 10 * DAY);
    const id = await pausedCase("Resumes", "PENDING", pausedAt, {
      firstResponseDueAt: new Date(pausedAt.getTime() - HOUR), // breached before the pause
      resolutionDueAt: new Date(pausedAt.getTime() + HOUR),
    });
    const before = await agent.cases.get({ id });
    expect(before.sla.firstResponse.state).toBe("breached");
    expect(before.sla.resolution.state).toBe("paused");

    const after = await agent.cases.transition({ id, to: "OPEN" });
    const event = await lastEvent(id);
    const pausedMs = workingMsBetween(pausedAt, event.createdAt, schedule);
    expect(pausedMs).toBeGreaterThanOrEqual(5 * 8 * HOUR); // ten days hold at least five working days
    expect(event.to).toEqual({ status: "OPEN", slaPausedMs: pausedMs });
    expect(after.slaPausedAt).toBeNull();
    expect(after.sla.resolution.dueAt).toEqual(addWorkingMs(before.sla.resolution.dueAt!, pausedMs, schedule));
    expect(after.sla.firstResponse.dueAt).toEqual(before.sla.firstResponse.dueAt);
    expect(after.sla.firstResponse.state).toBe("breached");
  });

  it("a first response already given keeps its due time; the resolution clock moves", async () => {
    const pausedAt = new Date(Date.now() - 3 * DAY);
    const id = await pausedCase("Answered, then pending", "SNOOZED", pausedAt, {
      firstResponseDueAt: new Date(pausedAt.getTime() + HOUR),
      resolutionDueAt: new Date(pausedAt.getTime() + 2 * HOUR),
    });
    await setCase(id, { firstRespondedAt: new Date(pausedAt.getTime() - MIN) });
    const before = await rowOf(id);
    await agent.cases.transition({ id, to: "OPEN" });
    const pausedMs = (await lastEvent(id)).to.slaPausedMs as number;
    const after = await rowOf(id);
    expect(after.firstResponseDueAt).toEqual(before.firstResponseDueAt);
    expect(after.resolutionDueAt).toEqual(addWorkingMs(before.resolutionDueAt!, pausedMs, schedule));
  });

  it("resolving from a pause stops the clocks without counting the pause: met where the due time passed only during it", async () => {
    const pausedAt = new Date(Date.now() - 10 * DAY);
    // 30 and 60 minutes of working time were left when the pause began, whatever the hour the
    // test runs at (wall-clock offsets from an evening pausedAt would leave none).
    const id = await pausedCase("Resolved while pending", "PENDING", pausedAt, {
      firstResponseDueAt: addWorkingMs(pausedAt, 30 * MIN, schedule),
      resolutionDueAt: addWorkingMs(pausedAt, HOUR, schedule),
    });
    const resolved = await agent.cases.transition({ id, to: "RESOLVED" });
    expect(resolved.slaPausedAt).toBeNull();
    expect(resolved.sla.firstResponse.state).toBe("met");
    expect(resolved.sla.resolution.state).toBe("met");
  });

  it("the list's sla=breached leaves out a case whose due time passed only while paused, and due soon every paused case", async () => {
    const pausedAt = new Date(Date.now() - 2 * HOUR);
    const pausedLate = await pausedCase("Paused, due passed during the pause", "PENDING", pausedAt, {
      firstResponseDueAt: null,
      resolutionDueAt: new Date(pausedAt.getTime() + HOUR),
    });
    const pausedBreached = await pausedCase("Paused after its breach", "SNOOZED", pausedAt, {
      firstResponseDueAt: null,
      resolutionDueAt: new Date(pausedAt.getTime() - HOUR),
    });
    const pausedSoon = await pausedCase("Paused, due soon", "PENDING", pausedAt, {
      firstResponseDueAt: null,
      resolutionDueAt: new Date(Date.now() + 30 * MIN),
    });
    const running = await newCase("Running, breached");
    await setCase(running.id, { status: "OPEN", resolutionDueAt: new Date(Date.now() - HOUR) });
    const runningSoon = await newCase("Running, due soon");
    await setCase(runningSoon.id, { status: "OPEN", firstResponseDueAt: new Date(Date.now() + 30 * MIN), resolutionDueAt: new Date(Date.now() + DAY) });
    const later = await newCase("Running, due later");
    await setCase(later.id, { status: "OPEN", firstResponseDueAt: new Date(Date.now() + DAY), resolutionDueAt: new Date(Date.now() + 5 * DAY) });
    for (const id of [pausedLate, pausedBreached, pausedSoon, running.id, runningSoon.id, later.id]) await setCase(id, { tags: ["sla-list"] });

    const ids = async (sla: "breached" | "due_soon") => (await agent.cases.list({ sla, tag: "sla-list", limit: 100 })).items.map((c) => c.id).sort();
    expect(await ids("breached")).toEqual([pausedBreached, running.id].sort());
    expect(await ids("due_soon")).toEqual([runningSoon.id]);
    expect((await agent.cases.get({ id: pausedLate })).sla.resolution.state).toBe("paused");
    expect((await agent.cases.get({ id: pausedBreached })).sla.resolution.state).toBe("breached");
    expect((await agent.cases.get({ id: pausedSoon })).sla.resolution.state).toBe("paused");
    // The list's summaries carry the pause too.
    const listed = (await agent.cases.list({ status: ["PENDING"], limit: 100 })).items.find((c) => c.id === pausedLate)!;
    expect(listed).toMatchObject({ slaPausedAt: pausedAt, sla: { resolution: { state: "paused" } } });
  });
});

describe("bulk status changes follow the same machine and pause", () => {
  it("NEW → SNOOZED starts pauses, PENDING → SNOOZED keeps its start, CLOSED is refused; → OPEN resumes each", async () => {
    const [a, b] = await createTestCases(tenant, ["Bulk new A", "Bulk new B"]);
    const pausedAt = new Date(Date.now() - 4 * DAY);
    const pending = await pausedCase("Bulk pending", "PENDING", pausedAt, {
      firstResponseDueAt: new Date(pausedAt.getTime() + HOUR),
      resolutionDueAt: new Date(pausedAt.getTime() + 2 * HOUR),
    });
    const closed = await newCase("Bulk closed");
    await setCase(closed.id, { status: "CLOSED", closedAt: new Date() });
    const ids = [a!.id, b!.id, pending, closed.id];

    const snoozed = await agent.cases.bulkUpdate({ target: { ids }, status: { to: "SNOOZED", until: new Date(Date.now() + DAY) } });
    expect(snoozed).toMatchObject({ status: "done", matched: 4, updated: 3, refusedByStatus: { CLOSED: 1 } });
    const [rowA, rowPending] = [await rowOf(a!.id), await rowOf(pending)];
    expect(rowA).toMatchObject({ status: "SNOOZED", firstRespondedAt: null, slaPausedAt: expect.any(Date) });
    expect(rowPending).toMatchObject({ status: "SNOOZED", slaPausedAt: pausedAt });
    expect((await lastEvent(a!.id)).to).toEqual({ status: "SNOOZED", slaPaused: true });

    const opened = await agent.cases.bulkUpdate({ target: { ids }, status: { to: "OPEN" } });
    expect(opened).toMatchObject({ status: "done", updated: 3, refusedByStatus: { CLOSED: 1 } });
    const event = await lastEvent(pending);
    const pausedMs = workingMsBetween(pausedAt, event.createdAt, schedule);
    expect(event.to).toEqual({ status: "OPEN", slaPausedMs: pausedMs });
    expect(await rowOf(pending)).toEqual({
      status: "OPEN",
      slaPausedAt: null,
      firstRespondedAt: null,
      firstResponseDueAt: addWorkingMs(rowPending.firstResponseDueAt!, pausedMs, schedule),
      resolutionDueAt: addWorkingMs(rowPending.resolutionDueAt!, pausedMs, schedule),
    });
    expect((await rowOf(a!.id)).slaPausedAt).toBeNull();
  });

  it("NEW → RESOLVED in bulk is allowed and records no first response; NEW → CLOSED is refused", async () => {
    const [a, b] = await createTestCases(tenant, ["Bulk resolve", "Bulk close"]);
    expect(await agent.cases.bulkUpdate({ target: { ids: [b!.id] }, status: { to: "CLOSED" } })).toMatchObject({ updated: 0, refusedByStatus: { NEW: 1 } });
    expect(await agent.cases.bulkUpdate({ target: { ids: [a!.id] }, status: { to: "RESOLVED" } })).toMatchObject({ updated: 1 });
    expect(await rowOf(a!.id)).toMatchObject({ status: "RESOLVED", firstRespondedAt: null, slaPausedAt: null });
    expect((await agent.cases.get({ id: a!.id })).sla.firstResponse.state).toBe("met");
  });

  it("a priority change together with the resume moves the new priority's due times", async () => {
    const pausedAt = new Date(Date.now() - 2 * DAY);
    const id = await pausedCase("Bulk priority and resume", "PENDING", pausedAt, { firstResponseDueAt: null, resolutionDueAt: null });
    await setCase(id, { createdAt: pausedAt });
    await agent.cases.bulkUpdate({ target: { ids: [id] }, status: { to: "OPEN" }, priority: "LOW" });
    const pausedMs = await pausedMsOf(id);
    expect(pausedMs).toBeGreaterThan(0);
    const row = await rowOf(id);
    // LOW: 24 working hours to respond, from creation (the pause's start), plus the pause.
    expect(row.firstResponseDueAt).toEqual(addWorkingMs(addWorkingMs(pausedAt, 24 * HOUR, schedule), pausedMs, schedule));
  });
});

async function pausedMsOf(caseId: string): Promise<number> {
  const items = (await agent.cases.timeline({ caseId, order: "desc", limit: 5 })).items;
  const status = items.find((i) => i.type === "event" && i.event === "status_changed") as { to: { slaPausedMs: number } } | undefined;
  return status!.to.slaPausedMs;
}
