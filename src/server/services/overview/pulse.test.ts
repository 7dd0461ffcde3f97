// The pulse on a real database: each figure at its boundaries, against the cases list where the
// two must agree, only the caller's tenant, and readable by a viewer and an API key.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DONE_STATUSES, OPEN_STATUSES } from "@/lib/case-status";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { listOnline, trackOnline } from "@/server/realtime/online";
import { caseFilterConditions, whereSql } from "@/server/services/cases/case-filter-sql";
import { createTestAlert } from "@/test/alert-fixtures";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { tenantPulse } from "./pulse";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

type CaseRow = Omit<Prisma.CaseCreateManyInput, "tenantId" | "title"> & { title?: string };
const addCases = (tenant: TestTenant, rows: CaseRow[]) =>
  withPrivilegedDb("test fixture", (db) => db.case.createMany({ data: rows.map((r) => ({ title: "Pulse fixture", ...r, tenantId: tenant.id })) }));
const pulseOf = (tenant: TestTenant, now: Date) => withTenantDb(tenant.id, (db) => tenantPulse(db, now));

describe("tenantPulse", () => {
  it("arrivals: the last hour, end included, start excluded; the usual is the mean of the same hour of the 4 weeks before", async () => {
    const tenant = await createTestTenant("pulse-arrivals");
    const now = new Date();
    const at = (ms: number) => ({ status: "CLOSED" as const, createdAt: new Date(now.getTime() + ms) });
    await addCases(tenant, [
      at(-HOUR), // exactly an hour ago: the window before
      at(-59 * MIN),
      at(0),
      at(-WEEK - 30 * MIN),
      at(-WEEK - 31 * MIN),
      at(-WEEK - 61 * MIN), // just outside last week's hour
      at(-2 * WEEK - MIN),
      // Week 3 brings none.
      at(-4 * WEEK),
      at(-4 * WEEK - HOUR), // start excluded, as for the last hour
      at(-5 * WEEK - 30 * MIN), // beyond the 4 weeks
    ]);
    const { arrivals } = await pulseOf(tenant, now);
    expect(arrivals).toEqual({ lastHour: 2, weeks: [2, 1, 0, 1], usual: 1, since: new Date(now.getTime() - HOUR) });
  });

  it("backlog: open statuses only, the oldest of them, those older than a day, the unassigned", async () => {
    const tenant = await createTestTenant("pulse-backlog");
    const now = new Date();
    const agent = tenant.users.AGENT.id;
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await addCases(tenant, [
      { status: "NEW", createdAt: ago(2 * DAY) },
      { status: "OPEN", createdAt: ago(3 * HOUR), assigneeId: agent },
      { status: "OPEN", createdAt: ago(DAY), assigneeId: agent }, // exactly a day: not more than one
      { status: "PENDING", createdAt: ago(DAY + MIN), assigneeId: agent },
      { status: "SNOOZED", createdAt: ago(10 * MIN), snoozedUntil: new Date(now.getTime() + DAY) },
      { status: "RESOLVED", createdAt: ago(10 * DAY) },
      { status: "CLOSED", createdAt: ago(20 * DAY) },
    ]);
    const { backlog } = await pulseOf(tenant, now);
    expect(backlog).toEqual({ open: 5, oldestOpenAt: ago(2 * DAY), olderThanDay: 2, unassigned: 2 });

    // Only cases that are done (the index's head is already past the open ones): none open.
    const quiet = await createTestTenant("pulse-backlog-done");
    await addCases(quiet, [{ status: "RESOLVED", createdAt: ago(DAY) }, { status: "CLOSED", createdAt: ago(2 * DAY) }]);
    expect((await pulseOf(quiet, now)).backlog).toEqual({ open: 0, oldestOpenAt: null, olderThanDay: 0, unassigned: 0 });
  });

  it("the open statuses come first in the CaseStatus enum, which the backlog's read in index order relies on", async () => {
    const tenant = await createTestTenant("pulse-enum");
    const [row] = await withTenantDb(tenant.id, (db) => db.$queryRaw<{ values: string[] }[]>`SELECT enum_range(NULL::"CaseStatus")::text[] AS values`);
    expect(row!.values).toEqual([...OPEN_STATUSES, ...DONE_STATUSES]);
  });

  it("SLA: due within the hour (resolution, or a first response still owed) vs 61 minutes vs already breached", async () => {
    const tenant = await createTestTenant("pulse-sla");
    const now = new Date();
    const inMs = (ms: number) => new Date(now.getTime() + ms);
    await addCases(tenant, [
      { title: "at risk: resolution in 59 min", status: "OPEN", resolutionDueAt: inMs(59 * MIN) },
      { title: "at risk: resolution due now", status: "NEW", resolutionDueAt: inMs(0) },
      { title: "at risk: first response in 30 min", status: "NEW", resolutionDueAt: inMs(3 * HOUR), firstResponseDueAt: inMs(30 * MIN) },
      { title: "later: resolution in 61 min", status: "OPEN", resolutionDueAt: inMs(61 * MIN) },
      { title: "later: resolution in exactly an hour", status: "PENDING", resolutionDueAt: inMs(HOUR) },
      { title: "later: first response given", status: "OPEN", resolutionDueAt: inMs(3 * HOUR), firstResponseDueAt: inMs(30 * MIN), firstRespondedAt: inMs(-MIN) },
      { title: "breached: resolution", status: "SNOOZED", resolutionDueAt: inMs(-MIN) },
      { title: "breached: first response, resolution within the hour", status: "NEW", resolutionDueAt: inMs(30 * MIN), firstResponseDueAt: inMs(-5 * MIN) },
      { title: "no SLA", status: "OPEN" },
      { title: "done, was due", status: "RESOLVED", resolutionDueAt: inMs(-HOUR) },
      { title: "done, due soon", status: "CLOSED", resolutionDueAt: inMs(10 * MIN) },
    ]);
    expect((await pulseOf(tenant, now)).slaAtRisk).toEqual({ nextHour: 3, breached: 2 });
  });

  it("SLA: breached counts what the cases list's sla=breached shows, and at risk is within its due_soon", async () => {
    const tenant = await createTestTenant("pulse-sla-list");
    const inMs = (ms: number) => new Date(Date.now() + ms);
    await addCases(tenant, [
      { status: "OPEN", resolutionDueAt: inMs(-DAY) },
      { status: "NEW", resolutionDueAt: inMs(DAY), firstResponseDueAt: inMs(-HOUR) },
      { status: "NEW", resolutionDueAt: inMs(DAY), firstResponseDueAt: inMs(-HOUR), firstRespondedAt: inMs(-2 * HOUR) },
      { status: "PENDING", resolutionDueAt: inMs(20 * MIN) },
      { status: "OPEN", resolutionDueAt: inMs(90 * MIN) },
      { status: "CLOSED", resolutionDueAt: inMs(-DAY) },
    ]);
    const listCount = (sla: "breached" | "due_soon") =>
      withTenantDb(tenant.id, async (db) => {
        const where = whereSql(caseFilterConditions({ sla }, { tenantId: tenant.id, userId: null }));
        const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM cases c ${where}`;
        return row!.n;
      });
    const { slaAtRisk } = await pulseOf(tenant, new Date());
    expect(slaAtRisk).toEqual({ nextHour: 1, breached: 2 });
    expect(await listCount("breached")).toBe(slaAtRisk.breached);
    expect(await listCount("due_soon")).toBe(2);
  });

  it("SLA: a paused case (PENDING/SNOOZED with sla_paused_at) is breached only by a due time past before the pause, and never at risk", async () => {
    const tenant = await createTestTenant("pulse-sla-paused");
    const now = new Date();
    const inMs = (ms: number) => new Date(now.getTime() + ms);
    await addCases(tenant, [
      { title: "paused, due passed during the pause", status: "PENDING", slaPausedAt: inMs(-HOUR), resolutionDueAt: inMs(-MIN) },
      { title: "paused, first response due during the pause", status: "SNOOZED", slaPausedAt: inMs(-HOUR), resolutionDueAt: inMs(DAY), firstResponseDueAt: inMs(-30 * MIN) },
      { title: "paused, due within the hour", status: "PENDING", slaPausedAt: inMs(-HOUR), resolutionDueAt: inMs(30 * MIN) },
      { title: "paused after the breach", status: "PENDING", slaPausedAt: inMs(-HOUR), resolutionDueAt: inMs(-2 * HOUR) },
      { title: "paused after the first response's breach", status: "SNOOZED", slaPausedAt: inMs(-HOUR), resolutionDueAt: inMs(-30 * MIN), firstResponseDueAt: inMs(-2 * HOUR) },
      { title: "running, breached", status: "OPEN", resolutionDueAt: inMs(-MIN) },
      { title: "running, at risk", status: "OPEN", resolutionDueAt: inMs(30 * MIN) },
    ]);
    const listCount = (sla: "breached" | "due_soon") =>
      withTenantDb(tenant.id, async (db) => {
        const where = whereSql(caseFilterConditions({ sla }, { tenantId: tenant.id, userId: null }));
        const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM cases c ${where}`;
        return row!.n;
      });
    const { slaAtRisk, backlog } = await pulseOf(tenant, now);
    expect(backlog.open).toBe(7);
    expect(slaAtRisk).toEqual({ nextHour: 1, breached: 3 });
    expect(await listCount("breached")).toBe(3);
    expect(await listCount("due_soon")).toBe(1);
  });

  it("alerts: active and acknowledged by severity; resolved ones not counted", async () => {
    const tenant = await createTestTenant("pulse-alerts");
    for (const [status, severity] of [
      ["ACTIVE", "INFO"],
      ["ACTIVE", "INFO"],
      ["ACTIVE", "CRITICAL"],
      ["ACKNOWLEDGED", "WARNING"],
      ["RESOLVED", "CRITICAL"],
    ] as const) {
      await createTestAlert(tenant, { status, severity });
    }
    expect((await pulseOf(tenant, new Date())).alerts).toEqual({
      ACTIVE: { INFO: 2, WARNING: 0, CRITICAL: 1 },
      ACKNOWLEDGED: { INFO: 0, WARNING: 1, CRITICAL: 0 },
    });
  });

  it("counts only the caller's tenant: another tenant's cases and alerts never show", async () => {
    const [mine, theirs] = [await createTestTenant("pulse-mine"), await createTestTenant("pulse-theirs")];
    const now = new Date();
    await addCases(theirs, [
      { status: "NEW", createdAt: new Date(now.getTime() - 10 * MIN), resolutionDueAt: new Date(now.getTime() + 10 * MIN) },
      { status: "OPEN", createdAt: new Date(now.getTime() - WEEK - 10 * MIN), resolutionDueAt: new Date(now.getTime() - DAY) },
    ]);
    await createTestAlert(theirs, { status: "ACTIVE", severity: "CRITICAL" });
    const zero = { INFO: 0, WARNING: 0, CRITICAL: 0 };
    expect(await pulseOf(mine, now)).toEqual({
      arrivals: { lastHour: 0, usual: 0, weeks: [0, 0, 0, 0], since: new Date(now.getTime() - HOUR) },
      backlog: { open: 0, oldestOpenAt: null, olderThanDay: 0, unassigned: 0 },
      slaAtRisk: { nextHour: 0, breached: 0 },
      online: 0,
      alerts: { ACTIVE: zero, ACKNOWLEDGED: zero },
      asOf: now,
    });
    // The same figures of theirs are there, seen from their side.
    expect(await pulseOf(theirs, now)).toMatchObject({
      arrivals: { lastHour: 1, weeks: [1, 0, 0, 0] },
      backlog: { open: 2, unassigned: 2 },
      slaAtRisk: { nextHour: 1, breached: 1 },
      alerts: { ACTIVE: { CRITICAL: 1 } },
    });
  });
});

describe("tenant.pulse", () => {
  const online: (() => void)[] = [];
  afterEach(() => {
    for (const offline of online.splice(0)) offline();
  });

  it("a viewer and an API key read it; members online are the tenant's own", async () => {
    const [tenant, other] = [await createTestTenant("pulse-proc"), await createTestTenant("pulse-proc-other")];
    await addCases(tenant, [{ status: "NEW" }]);
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));

    const before = Date.now();
    const read = await viewer.tenant.pulse();
    expect(read.backlog.open).toBe(1);
    expect(read.arrivals.lastHour).toBe(1);
    expect(read.asOf.getTime()).toBeGreaterThanOrEqual(before);
    expect((await key.tenant.pulse()).backlog.open).toBe(1);

    for (const [t, user] of [[tenant, tenant.users.AGENT], [tenant, tenant.users.OWNER], [other, other.users.AGENT]] as const) {
      online.push(trackOnline({ tenantId: t.id, userId: user.id, name: user.name }));
    }
    await vi.waitFor(() => expect([listOnline(tenant.id).length, listOnline(other.id).length]).toEqual([2, 1]));
    expect((await viewer.tenant.pulse()).online).toBe(2);
    expect((await key.tenant.pulse()).online).toBe(2);
  });
});
