// A report read from the rollups against what the cases say: counts in the range and the period
// before, volume per week, medians within the histograms' precision, the backlog at each period's
// end, names for teams and agents, and links' instants in the organisation's time zone.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { reportQuerySchema } from "@/lib/validations/reports";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { countCaseChanges } from "./count-case-changes";
import { readReport } from "./read-report";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
let tenant: TestTenant;
let teamId: string;

/** 40 cases from 2026-10-05 to 2026-11-13 (Berlin), one a day; each answered i×7 minutes later; every 3rd closed 2 days later. */
function cases() {
  return Array.from({ length: 40 }, (_, i) => {
    const createdAt = new Date(at("2026-10-05T10:00:00+02:00").getTime() + i * 24 * HOUR);
    const closed = i % 3 === 0;
    return {
      tenantId: tenant.id,
      title: `Case ${i}`,
      createdAt,
      channel: i % 4 === 0 ? ("CHAT" as const) : ("EMAIL" as const),
      teamId: i % 2 === 0 ? teamId : null,
      assigneeId: i % 5 === 0 ? tenant.users.AGENT.id : null,
      status: closed ? ("RESOLVED" as const) : ("OPEN" as const),
      firstRespondedAt: new Date(createdAt.getTime() + (i + 1) * 7 * 60_000),
      firstResponseDueAt: new Date(createdAt.getTime() + 2 * HOUR),
      resolvedAt: closed ? new Date(createdAt.getTime() + 48 * HOUR) : null,
    };
  });
}

beforeAll(async () => {
  tenant = await createTestTenant("report");
  await withPrivilegedDb("test fixture", async (db) => {
    teamId = (await db.team.create({ data: { tenantId: tenant.id, name: "Tier 1" }, select: { id: true } })).id;
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } });
    await db.tenant.update({ where: { id: tenant.id }, data: { settings: { ...(row.settings as object), timeZone: "Europe/Berlin" } as Prisma.InputJsonValue } });
    await db.case.createMany({ data: cases() });
  });
  await countCaseChanges((fn) => withTenantDb(tenant.id, fn));
});

const read = (input: Record<string, unknown>) => withTenantDb(tenant.id, (db) => readReport(db, reportQuerySchema.parse(input), at("2026-11-20T12:00:00Z")));

describe("readReport", () => {
  it("counts the range and the period before it, by week, with medians within the histograms' precision", async () => {
    // 2026-10-26 (a Monday) to 2026-11-08: cases 21..34; the period before: cases 7..20.
    const report = await read({ from: "2026-10-26", to: "2026-11-08", interval: "week" });
    expect(report.range).toMatchObject({ previousFrom: "2026-10-12", previousTo: "2026-10-25", timeZone: "Europe/Berlin" });
    expect(report.current.created).toBe(14);
    expect(report.previous.created).toBe(14);
    expect(report.volume.periods).toEqual(["2026-10-26", "2026-11-02"]);
    // Berlin midnight: summer time ended on 25 October, so UTC+1.
    expect(report.volume.startsAt[0]).toBe("2026-10-25T23:00:00.000Z");
    expect(report.range.endsAt).toBe("2026-11-08T23:00:00.000Z");
    const email = report.volume.series.find((s) => s.key === "EMAIL")!;
    const chat = report.volume.series.find((s) => s.key === "CHAT")!;
    expect(email.label).toBe("Email");
    expect(email.counts.map((n, i) => n + chat.counts[i]!)).toEqual([7, 7]);

    // First replies 21×7 … 34×7 minutes after (the i+1 of cases 21..34 is 22..35): median 28.5×7 min.
    const exact = 28.5 * 7 * 60;
    expect(Math.abs(report.current.firstResponse.medianSeconds! - exact) / exact).toBeLessThan(0.125);
    expect(report.current.firstResponse.meanSeconds).toBe(exact);
    // Due after 2 h = 120 min: replies at 154..245 min all miss it.
    expect(report.current.firstResponseSla).toEqual({ met: 0, total: 14, rate: 0 });
    expect(report.previous.firstResponseSla.met).toBe(10); // cases 7..16: 56..119 min
  });

  it("counts times in working hours when asked: a weekend's replies took no working time", async () => {
    const business = await read({ from: "2026-10-26", to: "2026-11-08", time: "business" });
    expect(business.range.time).toBe("business");
    // Of cases 21..34 (replies 22×7 … 35×7 minutes after 10:00, all before 17:00), those created on
    // the two weekends (26, 27, 33, 34: 868 minutes) count nothing: (2,793 − 868) / 14 minutes.
    expect(business.current.firstResponse.meanSeconds).toBe(8250);
    expect(business.current.firstResponse.count).toBe(14);
    expect(business.current.firstResponse.medianSeconds!).toBeLessThan((await read({ from: "2026-10-26", to: "2026-11-08" })).current.firstResponse.medianSeconds!);
  });

  it("splits by team and agent with their names, and the backlog follows the closed cases", async () => {
    const report = await read({ from: "2026-10-05", to: "2026-11-13", groupBy: "team" });
    // Even cases are Tier 1's; case 39 (odd) closes after the range, so Tier 1 has the most.
    expect(report.groups.map((g) => [g.label, g.created, g.closed])).toEqual([
      ["Tier 1", 20, 7],
      ["No team", 20, 6],
    ]);
    expect(report.agents.find((a) => a.key === tenant.users.AGENT.id)).toMatchObject({ label: expect.any(String), created: 8 });
    expect(report.agents.find((a) => a.key === "")).toMatchObject({ label: "Unassigned", created: 32 });
    // Every third case closes 2 days after it opened; the backlog at the range's end is the rest.
    const closedByEnd = cases().filter((c) => c.resolvedAt && c.resolvedAt < at("2026-11-14T00:00:00+01:00")).length;
    expect(report.backlog.series.at(-1)!.open).toBe(40 - closedByEnd);
    expect(report.backlog.series[0]!.open).toBe(1);
    // Open now (20 November): 26 cases, the newest created 8 days before (12 November), the
    // oldest 45 (6 October); 7–29 days ago is 22 October to 13 November.
    expect(report.backlog.age).toEqual([
      { bucket: "today", count: 0 },
      { bucket: "1_2d", count: 0 },
      { bucket: "3_6d", count: 0 },
      { bucket: "7_29d", count: 15 },
      { bucket: "30d_plus", count: 11 },
    ]);
    expect(report.countedAt).not.toBeNull();
  });

  it("forecasts 14 days from today out of the days since the first case, and not with less than four weeks", async () => {
    const report = await read({});
    const forecast = report.forecast!;
    expect(forecast.days).toHaveLength(14);
    expect([forecast.days[0]!.day, forecast.days[11]!.day, forecast.days[13]!.day]).toEqual(["2026-11-20", "2026-12-01", "2026-12-03"]);
    expect(forecast.recent.at(-1)).toEqual({ day: "2026-11-19", count: 0 });
    // One case a day until 13 November, none since: the mean of four weeks' same weekdays is 0.5–1.
    expect(forecast.days[0]!.expected).toBeGreaterThan(0);
    expect(forecast.days[0]!.expected).toBeLessThanOrEqual(1);
    expect(forecast.channels.map((c) => c.key).sort()).toEqual(["CHAT", "EMAIL"]);
    expect(forecast.backtest!.days).toBeGreaterThan(0);
    // On 30 October the history held 25 days: no forecast yet.
    const early = await withTenantDb(tenant.id, (db) => readReport(db, reportQuerySchema.parse({}), at("2026-10-30T12:00:00Z")));
    expect(early.forecast).toBeNull();
  });
});
