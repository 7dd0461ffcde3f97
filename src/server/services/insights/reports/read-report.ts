// A report from the rollups: the range's metrics against the period before, volume per period
// and group, the groups' and agents' metrics, and the backlog (its series from the rollups, its
// age now from the open cases). Days and weeks are the organisation's (settings.timeZone).
import type { Report, ReportGroup, ReportGroupRow, ReportQuery } from "@/lib/validations/reports";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { backlogAge } from "./backlog-age";
import { addSums, backlogChanges, createdByDay, emptySums, type MetricSums, type RollupDimension, sumsByValue, toMetrics } from "./read-rollups";
import { readForecast } from "./read-forecast";
import { addDays, todayIn } from "@/lib/calendar-days";
import { periodOf, reportRange } from "./report-range";

const DIMENSION: Record<ReportGroup, RollupDimension> = {
  channel: "channel",
  priority: "priority",
  businessUnit: "business_unit",
  category: "category",
  team: "team",
};

const capitalised = (v: string) => (v === "API" ? "API" : v.charAt(0) + v.slice(1).toLowerCase());
const NONE: Record<RollupDimension, string> = {
  all: "All",
  channel: "None",
  priority: "None",
  business_unit: "No business unit",
  category: "No category",
  team: "No team",
  assignee: "Unassigned",
};

export async function readReport(db: TenantDb, query: ReportQuery, now = new Date()): Promise<Report> {
  const tenantId = requireTenantId();
  const tenant = await db.tenant.findFirstOrThrow({ select: { settings: true } });
  const { timeZone } = parseTenantSettings(tenant.settings);
  const range = reportRange(query, timeZone, now);
  const dimension = DIMENSION[query.groupBy];

  const today = todayIn(timeZone, now);
  const [groups, agents, created, backlog, age, state, bounds, forecast] = await Promise.all([
    sumsByValue(db, tenantId, dimension, range, query.time),
    sumsByValue(db, tenantId, "assignee", { ...range, previousFrom: range.from }, query.time),
    createdByDay(db, tenantId, dimension, range.from, range.to),
    backlogChanges(db, tenantId, range.from, range.to),
    backlogAge(db, tenantId, today),
    db.caseReportState.findFirst({ select: { countedAt: true } }),
    periodStarts(db, [...range.periods, addDays(range.to, 1)], timeZone),
    readForecast(db, tenantId, today, (channel) => capitalised(channel)),
  ]);
  const labels = await labelsOf(db, dimension, [...groups.keys()]);
  const agentLabels = await labelsOf(db, "assignee", [...agents.keys()]);

  let current = emptySums();
  let previous = emptySums();
  for (const g of groups.values()) {
    current = addSums(current, g.current);
    previous = addSums(previous, g.previous);
  }
  // Agents are listed for what they did (answered, closed), not for cases that arrived assigned.
  const rows = (map: Map<string, { current: MetricSums }>, names: Map<string, string>, { worked = false } = {}): ReportGroupRow[] =>
    [...map.entries()]
      .filter(([, g]) => (worked ? 0 : g.current.created) + g.current.closed + g.current.firstResponses > 0)
      .map(([key, g]) => ({ key, label: names.get(key) ?? key, ...toMetrics(g.current) }))
      .sort((a, b) => b.created + b.closed - (a.created + a.closed) || a.label.localeCompare(b.label));

  const seriesCounts = new Map<string, number[]>();
  for (const r of created) {
    let counts = seriesCounts.get(r.value);
    if (!counts) seriesCounts.set(r.value, (counts = new Array<number>(range.periods.length).fill(0)));
    counts[periodOf(range.periods, r.day)]! += r.created;
  }
  const series = [...seriesCounts.entries()]
    .map(([key, counts]) => ({ key, label: labels.get(key) ?? key, counts }))
    .sort((a, b) => sum(b.counts) - sum(a.counts));

  const net = new Array<number>(range.periods.length).fill(0);
  for (const d of backlog.days) net[periodOf(range.periods, d.day)]! += d.net;
  let open = backlog.opening;
  const backlogSeries = range.periods.map((period, i) => ({ period, open: (open += net[i]!) }));

  return {
    range: {
      from: range.from,
      to: range.to,
      previousFrom: range.previousFrom,
      previousTo: range.previousTo,
      timeZone,
      groupBy: query.groupBy,
      interval: query.interval,
      time: query.time,
      startsAt: bounds[0]!,
      endsAt: bounds.at(-1)!,
    },
    countedAt: state?.countedAt?.toISOString() ?? null,
    current: toMetrics(current),
    previous: toMetrics(previous),
    volume: { periods: range.periods, startsAt: bounds.slice(0, -1), series },
    groups: rows(groups, labels),
    backlog: { series: backlogSeries, age },
    agents: rows(agents, agentLabels, { worked: true }),
    forecast,
  };
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/** The instant each day starts at in the time zone (Postgres knows the zone's rules). */
async function periodStarts(db: TenantDb, days: string[], timeZone: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ at: Date }[]>`
    SELECT (d::timestamp AT TIME ZONE ${timeZone}) AS at FROM unnest(${days}::date[]) WITH ORDINALITY AS u(d, i) ORDER BY i`;
  return rows.map((r) => r.at.toISOString());
}

/** Names for a dimension's values: teams and members by id, the rest as written. */
async function labelsOf(db: TenantDb, dimension: RollupDimension, values: string[]): Promise<Map<string, string>> {
  const names = new Map(values.map((v) => [v, v === "" ? NONE[dimension] : dimension === "channel" || dimension === "priority" ? capitalised(v) : v]));
  const ids = values.filter((v) => /^[0-9a-f-]{36}$/i.test(v));
  if (dimension === "team" && ids.length > 0) {
    for (const t of await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })) names.set(t.id, t.name);
  }
  if (dimension === "assignee" && ids.length > 0) {
    const members = await db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } });
    for (const m of members) names.set(m.userId, m.user.name ?? m.user.email);
    // A former member keeps their cases' history under a neutral name.
    for (const id of ids) if (!members.some((m) => m.userId === id)) names.set(id, "Former member");
  }
  return names;
}
