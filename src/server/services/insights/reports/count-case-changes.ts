// Keeps the report rollups in step with the cases. Changed cases are read in (updated_at, id)
// order from where the last run stopped, a batch per transaction; for each case whose counted
// values differ from its fact row, one statement subtracts the old contribution, adds the new one
// and stores the new fact. Re-reading a case that did not change adds nothing, so every run starts
// a few minutes before its cursor: a transaction that committed late with an older updated_at is
// still seen. A change of the tenant's time zone (days are counted in it) or working hours
// (business times are) starts over.
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import type { WithTenantDb } from "@/server/db/tenant-db";

export const ROLLUP_BATCH_SIZE = 5000;
/** How far before its cursor a run reads again (see above). */
export const CURSOR_OVERLAP_MS = 5 * 60_000;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

export interface RollupRun {
  read: number;
  changed: number;
  batches: number;
  restarted: boolean;
  caughtUp: boolean;
}

interface Cursor {
  at: Date;
  id: string;
}

/**
 * Takes in the tenant's case changes, at most `maxBatches` batches (the rest waits for the next
 * run). A `signal` (the runner shutting down) stops it between batches: each batch has committed
 * its counts with its cursor, so the next run goes on from there.
 */
export async function countCaseChanges(
  withDb: WithTenantDb,
  options: { batchSize?: number; maxBatches?: number; signal?: AbortSignal } = {},
): Promise<RollupRun> {
  const batchSize = options.batchSize ?? ROLLUP_BATCH_SIZE;
  const maxBatches = options.maxBatches ?? 200;
  const { cursor, restarted } = await withDb(prepare);
  const run: RollupRun = { read: 0, changed: 0, batches: 0, restarted, caughtUp: false };
  let from: Cursor = cursor ? { at: new Date(cursor.at.getTime() - CURSOR_OVERLAP_MS), id: FIRST_ID } : { at: new Date(0), id: FIRST_ID };
  while (run.batches < maxBatches && !options.signal?.aborted) {
    const step = await withDb(async (db) => {
      const tenantId = requireTenantId();
      await lock(db, tenantId);
      // A batch groups ~20 rows per case (7 dimensions × created, answered, closed): in memory, not
      // on disk. No JIT: the planner overestimates the CTEs' rows a hundredfold, and compiling the
      // statement took 2 s of a 2.5 s batch on PostgreSQL 15.
      await db.$executeRaw`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`;
      const state = await db.caseReportState.findFirst({ select: { timeZone: true, workingHours: true } });
      if (!state) return null; // reset by a rebuild meanwhile: the next run starts over
      const schedule: CountingSchedule = { timeZone: state.timeZone, workingHours: JSON.parse(state.workingHours ?? "null") ?? (await tenantSchedule(db)).workingHours };
      const to = await batchEnd(db, tenantId, from, batchSize);
      if (!to) return { to: null, read: 0, changed: 0 };
      const changed = await applyChanges(db, tenantId, schedule, from, to.cursor);
      // Never move the cursor back: an overlapping re-read must not forget the newer position.
      await db.$executeRaw`
        UPDATE case_report_states SET
          cursor_at = ${to.cursor.at}, cursor_id = ${to.cursor.id}::uuid
         WHERE tenant_id = ${tenantId}::uuid AND (cursor_at IS NULL OR (cursor_at, cursor_id) < (${to.cursor.at}, ${to.cursor.id}::uuid))`;
      return { to: to.cursor, read: to.read, changed };
    });
    if (!step) break;
    run.batches++;
    run.read += step.read;
    run.changed += step.changed;
    if (!step.to || step.read < batchSize) {
      run.caughtUp = true;
      break;
    }
    from = step.to;
  }
  if (run.caughtUp) await withDb((db) => db.caseReportState.updateMany({ where: { tenantId: requireTenantId() }, data: { countedAt: new Date() } }));
  return run;
}

/** Forgets the tenant's rollups; the next run counts every case again (the rebuild command). */
export async function resetRollups(db: TenantDb, schedule?: CountingSchedule): Promise<void> {
  const tenantId = requireTenantId();
  await lock(db, tenantId);
  const counted = schedule ?? (await tenantSchedule(db));
  await db.$executeRaw`DELETE FROM case_report_rollups WHERE tenant_id = ${tenantId}::uuid`;
  await db.$executeRaw`DELETE FROM case_report_facts WHERE tenant_id = ${tenantId}::uuid`;
  await db.$executeRaw`
    INSERT INTO case_report_states (tenant_id, time_zone, working_hours) VALUES (${tenantId}::uuid, ${counted.timeZone}, ${hoursKey(counted)})
    ON CONFLICT (tenant_id) DO UPDATE SET time_zone = excluded.time_zone, working_hours = excluded.working_hours, cursor_at = NULL, cursor_id = NULL, counted_at = NULL`;
}

/** Where and when the tenant works: days are counted in its time zone, business time in its hours. */
export interface CountingSchedule {
  timeZone: string;
  workingHours: { days: number[]; start: string; end: string };
}

const tenantSchedule = async (db: TenantDb): Promise<CountingSchedule> => {
  const { timeZone, workingHours } = parseTenantSettings((await db.tenant.findFirstOrThrow({ select: { settings: true } })).settings);
  return { timeZone, workingHours };
};
const hoursKey = (s: CountingSchedule) => JSON.stringify(s.workingHours);

/** The state's cursor; a first run, a new time zone or new working hours start from nothing. */
async function prepare(db: TenantDb): Promise<{ cursor: Cursor | null; restarted: boolean }> {
  const schedule = await tenantSchedule(db);
  const state = await db.caseReportState.findFirst({ select: { timeZone: true, workingHours: true, cursorAt: true, cursorId: true } });
  if (!state || state.timeZone !== schedule.timeZone || state.workingHours !== hoursKey(schedule)) {
    await resetRollups(db, schedule);
    return { cursor: null, restarted: Boolean(state) };
  }
  return { cursor: state.cursorAt && state.cursorId ? { at: state.cursorAt, id: state.cursorId } : null, restarted: false };
}

// One writer per tenant at a time: two runs adding the same change would count it twice.
const lock = (db: TenantDb, tenantId: string) => db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('report-rollups'), hashtext(${tenantId}))`;

/** The batch's last case in (updated_at, id) order, or null when nothing changed after `from`. */
async function batchEnd(db: TenantDb, tenantId: string, from: Cursor, size: number): Promise<{ cursor: Cursor; read: number } | null> {
  const rows = await db.$queryRaw<{ updated_at: Date; id: string; read: number }[]>`
    WITH batch AS (
      SELECT c.updated_at, c.id FROM cases c
       WHERE c.tenant_id = ${tenantId}::uuid AND (c.updated_at, c.id) > (${from.at}, ${from.id}::uuid)
       ORDER BY c.updated_at, c.id LIMIT ${size})
    SELECT updated_at, id::text AS id, (SELECT count(*) FROM batch)::int AS read FROM batch ORDER BY updated_at DESC, id DESC LIMIT 1`;
  const last = rows[0];
  return last ? { cursor: { at: last.updated_at, id: last.id }, read: last.read } : null;
}

/** Subtracts and adds the changed cases' contributions in (from, to]; returns how many changed. */
async function applyChanges(db: TenantDb, tenantId: string, schedule: CountingSchedule, from: Cursor, to: Cursor): Promise<number> {
  const { timeZone, workingHours } = schedule;
  const work = (at: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${at} IS NOT NULL THEN report_working_seconds(c.created_at, ${at}, ${timeZone}, ${workingHours.days}::integer[], ${workingHours.start}::time, ${workingHours.end}::time) END`;
  const rows = await db.$queryRaw<{ changed: number }[]>(Prisma.sql`
    WITH src AS (
      SELECT c.id AS case_id,
             (c.created_at AT TIME ZONE ${timeZone})::date AS created_day,
             c.channel::text AS channel, c.priority::text AS priority,
             coalesce(c.business_unit, '') AS business_unit, coalesce(c.category, '') AS category,
             coalesce(c.team_id::text, '') AS team_id, coalesce(c.assignee_id::text, '') AS assignee_id,
             (c.first_responded_at AT TIME ZONE ${timeZone})::date AS first_response_day,
             ${seconds(Prisma.sql`c.first_responded_at`)} AS first_response_seconds,
             ${work(Prisma.sql`c.first_responded_at`)} AS first_response_work_seconds,
             CASE WHEN c.first_responded_at IS NOT NULL AND c.first_response_due_at IS NOT NULL THEN c.first_responded_at <= c.first_response_due_at END AS first_response_met,
             (x.closed_at AT TIME ZONE ${timeZone})::date AS closed_day,
             ${seconds(Prisma.sql`x.closed_at`)} AS resolution_seconds,
             ${work(Prisma.sql`x.closed_at`)} AS resolution_work_seconds,
             CASE WHEN x.closed_at IS NOT NULL AND c.resolution_due_at IS NOT NULL THEN x.closed_at <= c.resolution_due_at END AS resolution_met
        FROM cases c
        -- Closed by its status (a reopened case is open again whatever its stamps say).
        CROSS JOIN LATERAL (SELECT CASE WHEN c.status IN ('RESOLVED', 'CLOSED') THEN coalesce(c.resolved_at, c.closed_at, c.updated_at) END AS closed_at) x
       WHERE c.tenant_id = ${tenantId}::uuid
         AND (c.updated_at, c.id) > (${from.at}, ${from.id}::uuid) AND (c.updated_at, c.id) <= (${to.at}, ${to.id}::uuid)
    ),
    changed AS (
      SELECT n.*, f.case_id AS old_case_id,
             f.created_day AS o_created_day, f.channel AS o_channel, f.priority AS o_priority, f.business_unit AS o_business_unit,
             f.category AS o_category, f.team_id AS o_team_id, f.assignee_id AS o_assignee_id,
             f.first_response_day AS o_first_response_day, f.first_response_seconds AS o_first_response_seconds, f.first_response_met AS o_first_response_met,
             f.closed_day AS o_closed_day, f.resolution_seconds AS o_resolution_seconds, f.resolution_met AS o_resolution_met,
             f.first_response_work_seconds AS o_first_response_work_seconds, f.resolution_work_seconds AS o_resolution_work_seconds
        FROM src n
        -- A lookup per case (LIMIT keeps the planner from hashing every fact of the tenant instead).
        LEFT JOIN LATERAL (SELECT * FROM case_report_facts x WHERE x.tenant_id = ${tenantId}::uuid AND x.case_id = n.case_id LIMIT 1) f ON true
       WHERE f.case_id IS NULL
          OR (f.created_day, f.channel, f.priority, f.business_unit, f.category, f.team_id, f.assignee_id, f.first_response_day,
              f.first_response_seconds, f.first_response_met, f.closed_day, f.resolution_seconds, f.resolution_met,
              f.first_response_work_seconds, f.resolution_work_seconds)
             IS DISTINCT FROM
             (n.created_day, n.channel, n.priority, n.business_unit, n.category, n.team_id, n.assignee_id, n.first_response_day,
              n.first_response_seconds, n.first_response_met, n.closed_day, n.resolution_seconds, n.resolution_met,
              n.first_response_work_seconds, n.resolution_work_seconds)
    ),
    stored AS (
      INSERT INTO case_report_facts (tenant_id, case_id, created_day, channel, priority, business_unit, category, team_id, assignee_id,
                                     first_response_day, first_response_seconds, first_response_met, closed_day, resolution_seconds, resolution_met,
                                     first_response_work_seconds, resolution_work_seconds)
      SELECT ${tenantId}::uuid, case_id, created_day, channel, priority, business_unit, category, team_id, assignee_id,
             first_response_day, first_response_seconds, first_response_met, closed_day, resolution_seconds, resolution_met,
             first_response_work_seconds, resolution_work_seconds
        FROM changed
      ON CONFLICT (tenant_id, case_id) DO UPDATE SET
        created_day = excluded.created_day, channel = excluded.channel, priority = excluded.priority,
        business_unit = excluded.business_unit, category = excluded.category, team_id = excluded.team_id,
        assignee_id = excluded.assignee_id, first_response_day = excluded.first_response_day,
        first_response_seconds = excluded.first_response_seconds, first_response_met = excluded.first_response_met,
        closed_day = excluded.closed_day, resolution_seconds = excluded.resolution_seconds, resolution_met = excluded.resolution_met,
        first_response_work_seconds = excluded.first_response_work_seconds, resolution_work_seconds = excluded.resolution_work_seconds
      RETURNING 1
    ),
    signed AS (
      SELECT 1 AS sign, created_day, channel, priority, business_unit, category, team_id, assignee_id,
             first_response_day, first_response_seconds, first_response_met, closed_day, resolution_seconds, resolution_met,
             first_response_work_seconds, resolution_work_seconds
        FROM changed
      UNION ALL
      SELECT -1, o_created_day, o_channel, o_priority, o_business_unit, o_category, o_team_id, o_assignee_id,
             o_first_response_day, o_first_response_seconds, o_first_response_met, o_closed_day, o_resolution_seconds, o_resolution_met,
             o_first_response_work_seconds, o_resolution_work_seconds
        FROM changed WHERE old_case_id IS NOT NULL
    ),
    dims AS (
      SELECT s.*, d.dimension, d.value FROM signed s
       CROSS JOIN LATERAL (VALUES ('all', ''), ('channel', s.channel), ('priority', s.priority), ('business_unit', s.business_unit),
                                  ('category', s.category), ('team', s.team_id), ('assignee', s.assignee_id)) AS d(dimension, value)
    ),
    events AS (
      SELECT dimension, value, created_day AS day, sign AS created, CASE WHEN closed_day IS NULL THEN sign ELSE 0 END AS still_open, 0 AS closed, 0 AS fr, 0::bigint AS fr_s, 0 AS fr_t, 0 AS fr_m,
             0::bigint AS res_s, 0 AS res_t, 0 AS res_m, 0::bigint AS fr_ws, 0::bigint AS res_ws
        FROM dims
      UNION ALL
      SELECT dimension, value, first_response_day, 0, 0, 0, sign, sign * first_response_seconds::bigint,
             CASE WHEN first_response_met IS NOT NULL THEN sign ELSE 0 END, CASE WHEN first_response_met THEN sign ELSE 0 END, 0, 0, 0,
             sign * first_response_work_seconds::bigint, 0
        FROM dims WHERE first_response_day IS NOT NULL
      UNION ALL
      SELECT dimension, value, closed_day, 0, 0, sign, 0, 0, 0, 0, sign * resolution_seconds::bigint,
             CASE WHEN resolution_met IS NOT NULL THEN sign ELSE 0 END, CASE WHEN resolution_met THEN sign ELSE 0 END,
             0, sign * resolution_work_seconds::bigint
        FROM dims WHERE closed_day IS NOT NULL
    ),
    totals AS (
      SELECT dimension, day, value, sum(created) AS created, sum(still_open) AS still_open, sum(closed) AS closed, sum(fr) AS fr, sum(fr_s) AS fr_s, sum(fr_t) AS fr_t,
             sum(fr_m) AS fr_m, sum(res_s) AS res_s, sum(res_t) AS res_t, sum(res_m) AS res_m, sum(fr_ws) AS fr_ws, sum(res_ws) AS res_ws
        FROM events GROUP BY 1, 2, 3
    ),
    -- The histograms' changes: counted by bucket first, then each made an array. (An aggregate
    -- adding arrays row by row calls a SQL function per time counted: 20 times slower.)
    bucket_counts AS (
      SELECT dimension, value, day, metric, bucket, sum(sign)::integer AS n FROM (
        SELECT dimension, value, first_response_day AS day, 'fr' AS metric, report_histogram_bucket(first_response_seconds) AS bucket, sign
          FROM dims WHERE first_response_day IS NOT NULL
        UNION ALL
        SELECT dimension, value, closed_day, 'res', report_histogram_bucket(resolution_seconds), sign
          FROM dims WHERE closed_day IS NOT NULL
        UNION ALL
        SELECT dimension, value, first_response_day, 'frw', report_histogram_bucket(first_response_work_seconds), sign
          FROM dims WHERE first_response_day IS NOT NULL
        UNION ALL
        SELECT dimension, value, closed_day, 'resw', report_histogram_bucket(resolution_work_seconds), sign
          FROM dims WHERE closed_day IS NOT NULL) t
       GROUP BY 1, 2, 3, 4, 5
    ),
    histograms AS (
      SELECT h.dimension, h.value, h.day, h.metric, array_agg(coalesce(b.n, 0) ORDER BY g) AS histogram
        FROM (SELECT dimension, value, day, metric, max(bucket) AS top FROM bucket_counts GROUP BY 1, 2, 3, 4) h
        CROSS JOIN LATERAL generate_series(1, h.top) AS g
        LEFT JOIN bucket_counts b ON b.dimension = h.dimension AND b.value = h.value AND b.day = h.day AND b.metric = h.metric AND b.bucket = g
       GROUP BY 1, 2, 3, 4
    ),
    added AS (
      INSERT INTO case_report_rollups AS r (tenant_id, dimension, day, value, created, still_open, closed, first_responses, first_response_seconds,
                                            first_response_targets, first_response_met, resolution_seconds, resolution_targets, resolution_met,
                                            first_response_histogram, resolution_histogram, first_response_work_seconds, resolution_work_seconds,
                                            first_response_work_histogram, resolution_work_histogram)
      SELECT ${tenantId}::uuid, t.dimension, t.day, t.value, t.created, t.still_open, t.closed, t.fr, t.fr_s, t.fr_t, t.fr_m, t.res_s, t.res_t, t.res_m,
             coalesce(fr.histogram, '{}'), coalesce(res.histogram, '{}'), t.fr_ws, t.res_ws, coalesce(frw.histogram, '{}'), coalesce(resw.histogram, '{}')
        FROM totals t
        LEFT JOIN histograms fr ON fr.dimension = t.dimension AND fr.value = t.value AND fr.day = t.day AND fr.metric = 'fr'
        LEFT JOIN histograms res ON res.dimension = t.dimension AND res.value = t.value AND res.day = t.day AND res.metric = 'res'
        LEFT JOIN histograms frw ON frw.dimension = t.dimension AND frw.value = t.value AND frw.day = t.day AND frw.metric = 'frw'
        LEFT JOIN histograms resw ON resw.dimension = t.dimension AND resw.value = t.value AND resw.day = t.day AND resw.metric = 'resw'
      ON CONFLICT (tenant_id, dimension, day, value) DO UPDATE SET
        created = r.created + excluded.created, still_open = r.still_open + excluded.still_open, closed = r.closed + excluded.closed,
        first_responses = r.first_responses + excluded.first_responses,
        first_response_seconds = r.first_response_seconds + excluded.first_response_seconds,
        first_response_targets = r.first_response_targets + excluded.first_response_targets,
        first_response_met = r.first_response_met + excluded.first_response_met,
        resolution_seconds = r.resolution_seconds + excluded.resolution_seconds,
        resolution_targets = r.resolution_targets + excluded.resolution_targets,
        resolution_met = r.resolution_met + excluded.resolution_met,
        first_response_histogram = report_histogram_add(r.first_response_histogram, excluded.first_response_histogram),
        resolution_histogram = report_histogram_add(r.resolution_histogram, excluded.resolution_histogram),
        first_response_work_seconds = r.first_response_work_seconds + excluded.first_response_work_seconds,
        resolution_work_seconds = r.resolution_work_seconds + excluded.resolution_work_seconds,
        first_response_work_histogram = report_histogram_add(r.first_response_work_histogram, excluded.first_response_work_histogram),
        resolution_work_histogram = report_histogram_add(r.resolution_work_histogram, excluded.resolution_work_histogram)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM changed)::int AS changed, (SELECT count(*) FROM stored)::int AS stored, (SELECT count(*) FROM added)::int AS added`);
  return rows[0]?.changed ?? 0;
}

/** Whole seconds from the case's creation to `at`, never negative (imported stamps can disagree). */
function seconds(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`least(2000000000, greatest(0, floor(extract(epoch FROM ${at} - c.created_at))))::integer`;
}
