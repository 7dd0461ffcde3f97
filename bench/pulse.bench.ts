// The overview's pulse on a large tenant (1M cases on PostgreSQL; 100k on the embedded database,
// scaled down because seeding a million there takes minutes), side by side with the same figures
// computed the naive way, and with tenant.overview for scale:
//   tenantPulse         the service as tenant.pulse runs it: one statement of index ranges, in the
//                       tenant transaction (withTenantDb: caseboard_app, RLS)            (baseline)
//   one pass            the same case figures as FILTER aggregates over all the tenant's cases, plus
//                       the same alert counts, in the same kind of transaction: what "scanning
//                       cases" costs
//   tenant.overview     the existing overview service (by-status GROUP BY, SLA counts, 30 days)
// The tenant's cases are written by one INSERT … SELECT over generate_series per batch: created over
// the last 365 days, ~5 % open (most of the recent ones, a few old ones), first-response and
// resolution due times by priority, most assigned; plus a neighbour of a few thousand cases and
// some alerts in every state. Before measuring, the figures of both ways must agree, and the
// pulse's plan is read with EXPLAIN ANALYZE: the notes say which index answered each part.
import { Prisma } from "@/server/db/generated/client";
import type { Database } from "@/server/db/connection";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { tenantOverview } from "@/server/services/overview/tenant-overview";
import { tenantPulse, type TenantPulse } from "@/server/services/overview/pulse";
import { pulseSql } from "@/server/services/overview/pulse-sql";
import { ensureSyntheticTenant } from "@/server/services/seed/bulk-cases";
import { compareSideBySide, percentile, type Variant } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const TARGET_MS = 100;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const SPAN_MS = 365 * 24 * HOUR_MS;
const TITLES = ["Cannot sign in", "Refund request", "Invoice is wrong", "App crashes on start", "Change my plan", "Delivery is late"];

// $1 tenant, $2 the number before the batch's first, $3 rows, $4 the span's start, $5 ms per case,
// $6 assignees, $7 titles. The innermost SELECT draws each row's random numbers once (OFFSET 0
// keeps the planner from re-evaluating random() per use), the next derives status and priority,
// the next the SLA targets of that priority; the outer one assembles the row. ids are UUIDv7 of
// created_at, like the app's, so the primary key grows at its end.
const INSERT_CASES = `
INSERT INTO cases (id, tenant_id, number, title, status, priority, assignee_id, created_at, updated_at,
                   first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at, snoozed_until)
SELECT (lpad(to_hex((extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') || '7'
          || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid,
       $1::uuid, t.number, ($7::text[])[1 + floor(t.r_title * cardinality($7::text[]))::int],
       t.status::"CaseStatus", t.priority::"CasePriority",
       CASE WHEN t.r_assignee < (CASE WHEN t.status = 'NEW' THEN 0.3 ELSE 0.85 END)
            THEN ($6::uuid[])[1 + floor(t.r_pick * cardinality($6::uuid[]))::int] END,
       t.created_at, GREATEST(t.created_at, LEAST(now(), t.created_at + t.r_pick * interval '2 days')),
       t.created_at + t.first_response, t.created_at + t.resolution,
       -- A third answer late; NEW cases have not been answered.
       CASE WHEN t.status <> 'NEW' THEN LEAST(now(), t.created_at + t.r_late * 1.5 * t.first_response) END,
       CASE WHEN t.status IN ('RESOLVED', 'CLOSED') THEN LEAST(now(), t.created_at + t.r_late * 1.2 * t.resolution) END,
       CASE WHEN t.status = 'CLOSED' THEN LEAST(now(), t.created_at + t.r_late * 1.2 * t.resolution) END,
       CASE WHEN t.status = 'SNOOZED' THEN now() + (1 + t.r_pick * 48) * interval '1 hour' END
FROM (
  SELECT s.*,
         CASE s.priority WHEN 'URGENT' THEN interval '1 hour' WHEN 'HIGH' THEN interval '4 hours'
                         WHEN 'NORMAL' THEN interval '8 hours' ELSE interval '1 day' END AS first_response,
         CASE s.priority WHEN 'URGENT' THEN interval '4 hours' WHEN 'HIGH' THEN interval '1 day'
                         WHEN 'NORMAL' THEN interval '3 days' ELSE interval '5 days' END AS resolution
  FROM (
    SELECT r.*,
           -- Open: most of the last two days, some of the month, a few older ones.
           CASE WHEN r.r_status < CASE WHEN r.created_at > now() - interval '2 days' THEN 0.6
                                       WHEN r.created_at > now() - interval '30 days' THEN 0.15 ELSE 0.035 END
                THEN (ARRAY['NEW', 'OPEN', 'OPEN', 'PENDING', 'SNOOZED'])[1 + floor(r.r_kind * 5)::int]
                ELSE CASE WHEN r.r_kind < 0.4 THEN 'RESOLVED' ELSE 'CLOSED' END END AS status,
           CASE WHEN r.r_priority < 0.2 THEN 'LOW' WHEN r.r_priority < 0.7 THEN 'NORMAL'
                WHEN r.r_priority < 0.92 THEN 'HIGH' ELSE 'URGENT' END AS priority
    FROM (
      SELECT $2::int + g AS number,
             $4::timestamptz + ($2::int + g - 1 + random()) * ($5::float8 * interval '1 millisecond') AS created_at,
             random() AS r_status, random() AS r_kind, random() AS r_priority, random() AS r_assignee,
             random() AS r_pick, random() AS r_late, random() AS r_title
      FROM generate_series(1, $3::int) AS g
      OFFSET 0
    ) r
  ) s
) t`;

const INSERT_ALERTS = `
INSERT INTO alerts (id, tenant_id, title, severity, status, updated_at, last_fired_at)
SELECT gen_random_uuid(), $1::uuid, 'Bench alert ' || g,
       (ARRAY['INFO', 'WARNING', 'CRITICAL'])[1 + floor(random() * 3)::int]::"AlertSeverity",
       (CASE WHEN random() < 0.2 THEN 'ACTIVE' WHEN random() < 0.3 THEN 'ACKNOWLEDGED' ELSE 'RESOLVED' END)::"AlertStatus",
       now(), now() - random() * interval '30 days'
FROM generate_series(1, $2::int) AS g`;

/** Writes a tenant of `count` cases and `alerts` alerts, the triggers kept out of the way as in services/seed/bulk-cases.ts. */
async function seedTenant(db: Database, slug: string, count: number, alerts: number, log: (m: string) => void): Promise<string> {
  const started = performance.now();
  const tenant = await ensureSyntheticTenant(db, { slug, name: slug, agents: 6 });
  if (!tenant.created) return tenant.id;
  const [role] = await db.sql.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`);
  const inTransaction = (sql: string, params: unknown[]) =>
    db.sql.transaction(async (tx) => {
      // The numbering trigger would upsert the counter row per case; a superuser skips it (and the
      // foreign-key checks, valid by construction) as pg_restore does, the table owner disables it.
      if (role?.superuser) await tx.exec(`SET LOCAL session_replication_role = replica`);
      else await tx.exec(`ALTER TABLE cases DISABLE TRIGGER cases_assign_number; SET LOCAL ROLE caseboard_privileged`);
      await tx.query(sql, params);
      if (!role?.superuser) await tx.exec(`RESET ROLE; ALTER TABLE cases ENABLE TRIGGER cases_assign_number`);
    });
  const batch = 200_000;
  const spanStart = new Date(Date.now() - SPAN_MS);
  for (let done = 0; done < count; done += batch) {
    await inTransaction(INSERT_CASES, [tenant.id, done, Math.min(batch, count - done), spanStart, SPAN_MS / count, tenant.assigneeIds, TITLES]);
    log(`pulse: ${slug}: ${Math.min(done + batch, count).toLocaleString("en-US")} of ${count.toLocaleString("en-US")} cases`);
  }
  await inTransaction(INSERT_ALERTS, [tenant.id, alerts]);
  log(`pulse: ${slug} seeded in ${Math.round(performance.now() - started)} ms`);
  return tenant.id;
}

/** The pulse's case figures as one pass over every case of the tenant: what the pulse must not do. */
async function onePass(db: TenantDb, tenantId: string, now: Date) {
  const at = (offsetMs: number) => Prisma.sql`${new Date(now.getTime() + offsetMs)}::timestamptz`;
  const open = Prisma.sql`c.status IN ('NEW', 'OPEN', 'PENDING', 'SNOOZED')`;
  const arrivals = [0, 1, 2, 3, 4].map(
    (week) => Prisma.sql`(count(*) FILTER (WHERE c.created_at > ${at(-week * WEEK_MS - HOUR_MS)} AND c.created_at <= ${at(-week * WEEK_MS)}))::int`,
  );
  const [row] = await db.$queryRaw<{ arrivals: number[]; open: number; older: number; oldest: Date | null; unassigned: number; breached: number; at_risk: number }[]>`
    SELECT ARRAY[${Prisma.join(arrivals)}] AS arrivals,
           (count(*) FILTER (WHERE ${open}))::int AS open,
           (count(*) FILTER (WHERE ${open} AND c.created_at < ${at(-24 * HOUR_MS)}))::int AS older,
           min(c.created_at) FILTER (WHERE ${open}) AS oldest,
           (count(*) FILTER (WHERE ${open} AND c.assignee_id IS NULL))::int AS unassigned,
           (count(*) FILTER (WHERE ${open} AND (c.resolution_due_at < ${at(0)} OR (c.first_responded_at IS NULL AND c.first_response_due_at < ${at(0)}))))::int AS breached,
           (count(*) FILTER (WHERE ${open}
              AND (c.resolution_due_at IS NULL OR c.resolution_due_at >= ${at(0)})
              AND (c.first_responded_at IS NOT NULL OR c.first_response_due_at IS NULL OR c.first_response_due_at >= ${at(0)})
              AND (c.resolution_due_at < ${at(HOUR_MS)} OR (c.first_responded_at IS NULL AND c.first_response_due_at < ${at(HOUR_MS)}))))::int AS at_risk
      FROM cases c
     WHERE c.tenant_id = ${tenantId}::uuid`;
  const alerts = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM alerts WHERE tenant_id = ${tenantId}::uuid AND status IN ('ACTIVE', 'ACKNOWLEDGED') GROUP BY status, severity`;
  return { ...row!, alerts: alerts.reduce((sum, a) => sum + a.n, 0) };
}

/** The figures both ways compute, so a disagreement names the figure. */
function figuresOf(p: TenantPulse) {
  const alerts = Object.values(p.alerts).flatMap((bySeverity) => Object.values(bySeverity)).reduce((a, b) => a + b, 0);
  const { arrivals, backlog, slaAtRisk } = p;
  return {
    arrivals: [arrivals.lastHour, ...arrivals.weeks],
    open: backlog.open,
    older: backlog.olderThanDay,
    oldest: backlog.oldestOpenAt?.getTime() ?? null,
    unassigned: backlog.unassigned,
    breached: slaAtRisk.breached,
    at_risk: slaAtRisk.nextHour,
    alerts,
  };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Heap Fetches"?: number;
  Plans?: PlanNode[];
}

/** One line per index or table the plan reads: how, how many rows, how many heap fetches. */
function planSummary(plan: PlanNode): string[] {
  const reads = new Map<string, { rows: number; heapFetches: number; times: number }>();
  const walk = (node: PlanNode) => {
    if (node["Relation Name"] || node["Index Name"]) {
      const key = `${node["Node Type"]} ${node["Index Name"] ?? node["Relation Name"]}`;
      const seen = reads.get(key) ?? { rows: 0, heapFetches: 0, times: 0 };
      seen.rows += (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
      seen.heapFetches += node["Heap Fetches"] ?? 0;
      seen.times += 1;
      reads.set(key, seen);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return [...reads].map(([key, r]) => `${key}${r.times > 1 ? ` ×${r.times}` : ""}: ${r.rows.toLocaleString("en-US")} rows${key.startsWith("Index Only") ? `, ${r.heapFetches} heap fetches` : ""}`);
}

async function explainPulse(tenantId: string) {
  const [explained] = await withTenantDb(tenantId, (db) =>
    db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${pulseSql(tenantId, new Date())}`,
  );
  return explained!["QUERY PLAN"][0];
}

/** Heap rows the plan's index-only scans had to read after all (pages not all-visible). */
function heapFetches(plan: PlanNode): number {
  return (plan["Heap Fetches"] ?? 0) + (plan.Plans ?? []).reduce((sum, child) => sum + heapFetches(child), 0);
}

export const pulseBench: BenchModule = {
  name: "pulse",
  title: "pulse — tenant.pulse (index ranges, one statement) vs the same figures from one pass over the tenant's cases",
  optIn: true,
  async run(ctx) {
    const full = ctx.kind === "postgres" ? 1_000_000 : 100_000;
    const size = ctx.quick ? full / 20 : full;
    const neighbour = ctx.quick ? 1_000 : 5_000;
    const durationMs = ctx.quick ? 1_000 : 10_000;
    const tenantId = await seedTenant(ctx.db, "bench-pulse", size, 300, ctx.log);
    await seedTenant(ctx.db, "bench-pulse-neighbour", neighbour, 50, ctx.log);
    // Settles the table (statistics, visibility map) so autovacuum does not wake up mid-measurement.
    await ctx.db.sql.exec(`VACUUM (ANALYZE) cases, alerts`);

    const pulse = () => withTenantDb(tenantId, (db) => tenantPulse(db, new Date()));
    const naive = () => withTenantDb(tenantId, (db) => onePass(db, tenantId, new Date()));
    const overview = () => withTenantDb(tenantId, (db) => tenantOverview(db, null));

    // The comparison means nothing unless both ways count the same (one instant for both).
    const now = new Date();
    const [fromIndexes, fromScan] = await withTenantDb(tenantId, async (db) => [figuresOf(await tenantPulse(db, now)), await onePass(db, tenantId, now)]);
    const scanned = { ...fromScan, oldest: fromScan.oldest?.getTime() ?? null };
    if (JSON.stringify(fromIndexes) !== JSON.stringify(scanned)) {
      throw new Error(`pulse: the figures disagree; from indexes ${JSON.stringify(fromIndexes)}, from one pass ${JSON.stringify(scanned)}`);
    }

    const plan = await explainPulse(tenantId);

    // Own samples as well, for p95 (the table shows p50 and p99); warmed up here, not by compareSideBySide.
    const samples: number[][] = [[], [], []];
    const timed = (i: number, fn: () => Promise<unknown>) => async () => {
      const t0 = performance.now();
      await fn();
      samples[i]!.push(performance.now() - t0);
    };
    for (const fn of [pulse, naive, overview]) for (let i = 0; i < 3; i++) await fn();
    const variants: Variant[] = [
      { label: "tenantPulse (tenant tx, as tenant.pulse)", baseline: true, fn: timed(0, pulse) },
      { label: "same figures, one pass over the cases", fn: timed(1, naive) },
      { label: "tenant.overview (for scale)", fn: timed(2, overview) },
    ];
    const rows = await compareSideBySide(variants, {
      durationMs,
      warmupMs: 0,
      onRound: (round, rounds) => {
        if (round % 10 === 0 || round === rounds) ctx.log(`pulse: ${round}/${rounds} rounds`);
      },
    });
    const p95 = samples.map((s) => percentile([...s].sort((a, b) => a - b), 95));

    // The measurement above ran on a settled table (all-visible pages: index-only scans never read
    // the heap). Open cases are the ones being worked on, so between autovacuum runs their pages are
    // the ones not all-visible: update some and measure again, as an hour of work would leave it.
    const touched = Math.min(2_000, Math.round(figuresOf(await pulse()).open / 10));
    await ctx.db.sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
      await tx.query(
        `UPDATE cases SET updated_at = now(), version = version + 1
          WHERE tenant_id = $1 AND id IN (SELECT id FROM cases WHERE tenant_id = $1 AND status IN ('NEW', 'OPEN', 'PENDING', 'SNOOZED') ORDER BY random() LIMIT $2)`,
        [tenantId, touched],
      );
    });
    const afterPlan = await explainPulse(tenantId);
    const after: number[] = [];
    const until = performance.now() + durationMs / 5;
    while (performance.now() < until) {
      const t0 = performance.now();
      await pulse();
      after.push(performance.now() - t0);
    }
    after.sort((a, b) => a - b);
    const [pulseStats, naiveStats] = rows.map((r) => r.stats);
    const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
    const figures = fromIndexes;
    return {
      subtitle:
        `tenant of ${size.toLocaleString("en-US")} cases (${figures.open.toLocaleString("en-US")} open, ${figures.breached.toLocaleString("en-US")} breached), ` +
        `a neighbour of ${neighbour.toLocaleString("en-US")}` +
        (size < 1_000_000 ? `; SCALED DOWN from 1,000,000 (${ctx.kind === "embedded" ? "embedded database" : "--quick"})` : ""),
      rows,
      notes: [
        `tenantPulse p50 ${ms(pulseStats!.p50)}, p95 ${ms(p95[0]!)} — target < ${TARGET_MS} ms at 1M cases: ${pulseStats!.p50 < TARGET_MS ? "met" : "MISSED"}` +
          (size < 1_000_000 ? " (at this size)" : ""),
        `one pass over the cases: p50 ${ms(naiveStats!.p50)}, p95 ${ms(p95[1]!)}, ${(naiveStats!.p50 / pulseStats!.p50).toFixed(1)}× the pulse's p50; tenant.overview p95 ${ms(p95[2]!)}`,
        `both ways agree: last hour ${figures.arrivals[0]}, weeks ${figures.arrivals.slice(1).join("/")}, open ${figures.open}, older than a day ${figures.older}, ` +
          `unassigned ${figures.unassigned}, breached ${figures.breached}, at risk in the hour ${figures.at_risk}, unresolved alerts ${figures.alerts}`,
        `after ${touched.toLocaleString("en-US")} updates to open cases, before autovacuum: tenantPulse p50 ${ms(percentile(after, 50))}, p95 ${ms(percentile(after, 95))} ` +
          `(${after.length} calls; heap fetches ${heapFetches(afterPlan.Plan)} instead of ${heapFetches(plan.Plan)})`,
        `pulse plan on the settled table (EXPLAIN ANALYZE, ${plan["Execution Time"].toFixed(2)} ms):`,
        ...planSummary(plan.Plan).map((line) => `  ${line}`),
      ],
    };
  },
};
