// The report rollups on a real database agree with a direct count of the cases: after the first
// counting, after random edits (moves between channels and teams, reopenings, resolutions, first
// replies), after a time-zone change and after a rebuild. Counting twice adds nothing.
import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { workingMsBetween } from "@/server/services/cases/sla";
import { countCaseChanges, resetRollups } from "./count-case-changes";

/** The tenant's default working hours (tenantSettingsSchema). */
const WORKING_HOURS = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };

const CHANNELS = ["EMAIL", "CHAT", "PHONE", "WEB"] as const;
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
const STATUSES = ["NEW", "OPEN", "PENDING", "RESOLVED", "CLOSED"] as const;
const HOUR = 3_600_000;

let tenant: TestTenant;
let teamIds: string[];
// A fixed seed: a failure can be replayed.
let seed = 20261201;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const count = (opts?: Parameters<typeof countCaseChanges>[1]) => countCaseChanges((fn) => withTenantDb(tenant.id, fn), opts);

async function setSettings(patch: Record<string, unknown>) {
  await withPrivilegedDb("test fixture", async (db) => {
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } });
    await db.tenant.update({ where: { id: tenant.id }, data: { settings: { ...(row.settings as object), ...patch } as Prisma.InputJsonValue } });
  });
}
const setTimeZone = (timeZone: string) => setSettings({ timeZone });

/** A case's values after a random life: created up to 20 days ago, maybe answered and closed. */
function randomCase(now: number) {
  const createdAt = new Date(now - random() * 20 * 24 * HOUR);
  const status = pick(STATUSES);
  const answered = status !== "NEW" && random() < 0.8;
  const firstRespondedAt = answered ? new Date(createdAt.getTime() + random() * 30 * HOUR) : null;
  const closed = status === "RESOLVED" || status === "CLOSED";
  const at = closed ? new Date(createdAt.getTime() + random() * 5 * 24 * HOUR) : null;
  return {
    createdAt,
    channel: pick(CHANNELS),
    priority: pick(PRIORITIES),
    status,
    category: pick(["Billing", "Hardware", null]),
    businessUnit: pick(["North", null]),
    teamId: pick([...teamIds, null]),
    assigneeId: pick([tenant.users.AGENT.id, tenant.users.ADMIN.id, null]),
    firstRespondedAt,
    firstResponseDueAt: random() < 0.8 ? new Date(createdAt.getTime() + 8 * HOUR) : null,
    resolvedAt: status === "RESOLVED" ? at : null,
    closedAt: status === "CLOSED" ? at : null,
    resolutionDueAt: random() < 0.8 ? new Date(createdAt.getTime() + 48 * HOUR) : null,
  };
}

/** What the rollups should hold, counted from the case rows in JavaScript (days via Intl). */
async function directCount(timeZone: string, workingHours = WORKING_HOURS): Promise<Map<string, number[]>> {
  const cases = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { tenantId: tenant.id } }));
  const dayOf = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const out = new Map<string, number[]>();
  const add = (key: string, i: number, n: number) => {
    const row = out.get(key) ?? new Array<number>(11).fill(0);
    row[i]! += n;
    out.set(key, row);
  };
  for (const c of cases) {
    const closedAt = c.status === "RESOLVED" || c.status === "CLOSED" ? (c.resolvedAt ?? c.closedAt ?? c.updatedAt) : null;
    const values: [string, string][] = [
      ["all", ""],
      ["channel", c.channel],
      ["priority", c.priority],
      ["business_unit", c.businessUnit ?? ""],
      ["category", c.category ?? ""],
      ["team", c.teamId ?? ""],
      ["assignee", c.assigneeId ?? ""],
    ];
    for (const [dimension, value] of values) {
      add(`${dimension}|${dayOf(c.createdAt)}|${value}`, 0, 1);
      if (!closedAt) add(`${dimension}|${dayOf(c.createdAt)}|${value}`, 8, 1);
      if (c.firstRespondedAt) {
        const key = `${dimension}|${dayOf(c.firstRespondedAt)}|${value}`;
        add(key, 2, 1);
        add(key, 3, Math.max(0, Math.floor((c.firstRespondedAt.getTime() - c.createdAt.getTime()) / 1000)));
        add(key, 9, Math.round(workingMsBetween(c.createdAt, c.firstRespondedAt, { timeZone, workingHours }) / 1000));
        if (c.firstResponseDueAt) {
          add(key, 4, 1);
          add(key, 5, c.firstRespondedAt <= c.firstResponseDueAt ? 1 : 0);
        }
      }
      if (closedAt) {
        const key = `${dimension}|${dayOf(closedAt)}|${value}`;
        add(key, 1, 1);
        add(key, 10, Math.round(workingMsBetween(c.createdAt, closedAt, { timeZone, workingHours }) / 1000));
        if (c.resolutionDueAt) {
          add(key, 6, 1);
          add(key, 7, closedAt <= c.resolutionDueAt ? 1 : 0);
        }
      }
    }
  }
  return out;
}

/** The rollups as [created, closed, first responses, their seconds, FR targets, FR met, resolution targets, met, still open, FR and resolution working seconds], zero rows left out. */
async function rollups(): Promise<Map<string, number[]>> {
  const rows = await withPrivilegedDb("test check", (db) => db.caseReportRollup.findMany({ where: { tenantId: tenant.id } }));
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const values = [
      ...[r.created, r.closed, r.firstResponses, Number(r.firstResponseSeconds), r.firstResponseTargets, r.firstResponseMet, r.resolutionTargets, r.resolutionMet],
      ...[r.stillOpen, Number(r.firstResponseWorkSeconds), Number(r.resolutionWorkSeconds)],
    ];
    // Each histogram holds exactly the times counted.
    expect((r.firstResponseHistogram ?? []).reduce((a, b) => a + b, 0)).toBe(r.firstResponses);
    expect((r.resolutionHistogram ?? []).reduce((a, b) => a + b, 0)).toBe(r.closed);
    expect((r.firstResponseWorkHistogram ?? []).reduce((a, b) => a + b, 0)).toBe(r.firstResponses);
    expect((r.resolutionWorkHistogram ?? []).reduce((a, b) => a + b, 0)).toBe(r.closed);
    if (values.some((v) => v !== 0)) out.set(`${r.dimension}|${r.day.toISOString().slice(0, 10)}|${r.value}`, values);
  }
  return out;
}

const sorted = (m: Map<string, number[]>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

beforeEach(async () => {
  tenant = await createTestTenant("rollups");
  teamIds = await withPrivilegedDb("test fixture", async (db) => {
    const teams = await Promise.all(["Tier 1", "Tier 2"].map((name) => db.team.create({ data: { tenantId: tenant.id, name }, select: { id: true } })));
    return teams.map((t) => t.id);
  });
  await setTimeZone("America/New_York");
});

describe("countCaseChanges", () => {
  it("agrees with a direct count after the first counting, after random edits, a time-zone change and a rebuild", async () => {
    const now = Date.now();
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({ data: Array.from({ length: 80 }, (_, i) => ({ tenantId: tenant.id, title: `Case ${i}`, ...randomCase(now) })) }),
    );
    // Small batches, so the cursor moves through several transactions.
    const first = await count({ batchSize: 17 });
    expect(first).toMatchObject({ read: 80, changed: 80, caughtUp: true, batches: 5 });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("America/New_York")));

    // Nothing changed: nothing is added (the overlap reads the same cases again).
    expect((await count()).changed).toBe(0);

    const ids = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { tenantId: tenant.id }, select: { id: true } }));
    await withPrivilegedDb("test fixture", async (db) => {
      for (const { id } of ids.filter(() => random() < 0.5)) {
        // Edits keep the creation time; everything else may move (status back to open included).
        const edit: Partial<ReturnType<typeof randomCase>> = randomCase(now);
        delete edit.createdAt;
        await db.case.update({ where: { tenantId_id: { tenantId: tenant.id, id } }, data: edit });
      }
    });
    const second = await count({ batchSize: 13 });
    expect(second.changed).toBeGreaterThan(20);
    expect(sorted(await rollups())).toEqual(sorted(await directCount("America/New_York")));

    await setTimeZone("Asia/Tokyo");
    expect(await count()).toMatchObject({ restarted: true, changed: 80 });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("Asia/Tokyo")));
    // New working hours: business times are counted again in them.
    await setSettings({ workingHours: { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "20:00" } });
    expect(await count()).toMatchObject({ restarted: true, changed: 80 });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("Asia/Tokyo", { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "20:00" })));
    await setSettings({ workingHours: WORKING_HOURS });
    expect(await count()).toMatchObject({ restarted: true, changed: 80 });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("Asia/Tokyo")));

    await withTenantDb(tenant.id, (db) => resetRollups(db));
    expect(await rollups()).toEqual(new Map());
    expect(await count()).toMatchObject({ restarted: false, changed: 80 });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("Asia/Tokyo")));
    const state = await withPrivilegedDb("test check", (db) => db.caseReportState.findUniqueOrThrow({ where: { tenantId: tenant.id } }));
    expect(state.countedAt).not.toBeNull();
  });

  it("counts each change once when two runs (two job runners) take in the same changes at the same time", async () => {
    const now = Date.now();
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ tenantId: tenant.id, title: `Case ${i}`, ...randomCase(now) })) }),
    );
    await count({ batchSize: 7 });
    const ids = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { tenantId: tenant.id }, select: { id: true } }));
    await withPrivilegedDb("test fixture", async (db) => {
      for (const { id } of ids.slice(0, 30)) {
        const edit: Partial<ReturnType<typeof randomCase>> = randomCase(now);
        delete edit.createdAt;
        await db.case.update({ where: { tenantId_id: { tenantId: tenant.id, id } }, data: edit });
      }
    });
    const runs = await Promise.all([count({ batchSize: 4 }), count({ batchSize: 9 })]);
    // Each change is taken in by one of them; the other finds it counted already.
    expect(runs[0]!.changed + runs[1]!.changed).toBeLessThanOrEqual(30);
    expect(sorted(await rollups())).toEqual(sorted(await directCount("America/New_York")));
  });

  it("stops between batches when its runner shuts down (SIGTERM), and the next run counts the rest once", async () => {
    const now = Date.now();
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ tenantId: tenant.id, title: `Case ${i}`, ...randomCase(now) })) }),
    );
    const shutdown = new AbortController();
    // The signal arrives while the first batch is being counted (the first transaction reads the cursor).
    let transactions = 0;
    const stopped = await countCaseChanges(
      (fn) =>
        withTenantDb(tenant.id, async (db) => {
          const result = await fn(db);
          if (++transactions === 2) shutdown.abort();
          return result;
        }),
      { batchSize: 10, signal: shutdown.signal },
    );
    expect(stopped).toMatchObject({ batches: 1, read: 10, caughtUp: false });
    expect(await count({ batchSize: 10 })).toMatchObject({ changed: 20, caughtUp: true });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("America/New_York")));
  });

  it("stops after its batches and the next run goes on from the cursor", async () => {
    const now = Date.now();
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ tenantId: tenant.id, title: `Case ${i}`, ...randomCase(now) })) }),
    );
    // As a run killed after two batches: their counts are committed with the cursor.
    expect(await count({ batchSize: 10, maxBatches: 2 })).toMatchObject({ read: 20, caughtUp: false });
    const state = await withPrivilegedDb("test check", (db) => db.caseReportState.findUniqueOrThrow({ where: { tenantId: tenant.id } }));
    expect(state.countedAt).toBeNull();
    expect(await count({ batchSize: 10 })).toMatchObject({ changed: 10, caughtUp: true });
    expect(sorted(await rollups())).toEqual(sorted(await directCount("America/New_York")));
  });
});
