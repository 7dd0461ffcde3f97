// Bulk actions on a selection of cases or on every case matching the list filter: assign, move to
// a team, change status, priority, add or remove tags (and the field part of a macro). Cases are read in batches of BATCH by keyset on id, each
// batch decided in memory and written with one UPDATE (the rows' new values as one JSON
// parameter), so 100k cases never sit in memory at once and cost ~200 statements, not 100k.
// A case whose status change the machine refuses is skipped whole and counted, never half-done.
import { z } from "zod";
import { dateInput } from "@/lib/validations/date";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { casePrioritySchema, caseStatusSchema, tagSchema, type CasePriority, type CaseStatus } from "@/lib/validations/case";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";
import { createNotifications } from "@/server/services/notifications/notifications";
import { currentActor, type Caller } from "./actor";
import { requireTeam } from "@/server/services/teams/team-select";
import { requireAssignableMember } from "./assign-case";
import { caseFilterConditions, whereSql } from "./case-filter-sql";
import { recordCaseEvents, type CaseEventInput } from "./case-events";
import { computeSlaDue } from "./sla";
import { loadTenantSettings } from "./tenant-settings";
import { checkTransition, statusChange } from "./transition-case";

export const BULK_BATCH_SIZE = 500;
/**
 * Up to this many matching cases a bulk action runs in the request; beyond, as a background job
 * (cases.bulk-update) in one short transaction per batch: a request transaction is bounded by
 * REQUEST_TIMEOUT_MS, and 100k cases take ~30 s on PostgreSQL.
 */
export const BULK_INLINE_LIMIT = 1000;

export const bulkUpdateCasesSchema = z
  .object({
    /** Either the selected ids or the list filter (with its tab): every case matching it. */
    target: z.union([
      z.object({ ids: z.array(z.uuid()).min(1).max(1000) }),
      z.object({ filter: caseListQuerySchema }),
    ]),
    /** A member's id, "me", or null to unassign. */
    assigneeId: z.union([z.uuid(), z.literal("me"), z.null()]).optional(),
    /** A team's id, or null to take the cases out of their team. */
    teamId: z.uuid().nullable().optional(),
    status: z.object({ to: caseStatusSchema, until: dateInput().optional() }).optional(),
    priority: casePrioritySchema.optional(),
    addTags: z.array(tagSchema).max(20).optional(),
    removeTags: z.array(tagSchema).max(20).optional(),
  })
  .refine((v) => v.assigneeId !== undefined || v.teamId !== undefined || v.status || v.priority || v.addTags?.length || v.removeTags?.length, {
    message: "Choose at least one change",
    path: ["_form"],
  });
export type BulkUpdateCasesInput = z.output<typeof bulkUpdateCasesSchema>;

export interface BulkUpdateResult {
  /** Cases the selection or filter named (that exist in this tenant). */
  matched: number;
  /** Cases changed. */
  updated: number;
  /** matched − updated: refused transitions plus cases already as asked. */
  skipped: number;
  skippedReasons: { refusedTransition: number; unchanged: number };
  /** Refused transitions by their from-status, e.g. { CLOSED: 3 }. */
  refusedByStatus: Partial<Record<CaseStatus, number>>;
  /** With `collectChanged`: each changed case and the version the change left (what an undo names). */
  changed?: { id: string; version: number }[];
}

interface BatchRow {
  id: string;
  status: CaseStatus;
  priority: CasePriority;
  assignee_id: string | null;
  team_id: string | null;
  team_name: string | null;
  tags: string[];
  created_at: Date;
  sla_paused_at: Date | null;
  first_responded_at: Date | null;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
}

/** Runs `fn` in a transaction of the tenant: the procedure's own, or (as a job) one per batch. */
export type TenantRunner = <T>(fn: (db: TenantDb) => Promise<T>) => Promise<T>;

export async function bulkUpdateCases(
  run: TenantRunner,
  caller: Caller,
  input: BulkUpdateCasesInput,
  options: {
    onBatch?: (soFar: BulkUpdateResult) => void;
    collectChanged?: boolean;
    /**
     * Tell each new assignee of a case in their inbox, as a single assignment does (not the
     * caller, who did it). The request path does (≤ BULK_INLINE_LIMIT cases); a job reassigning
     * tens of thousands of cases does not fill someone's inbox case by case.
     */
    notifyAssignees?: boolean;
    /** The audit entry's action and target, for a bulk change made on behalf of something else (a macro). */
    auditAs?: { action: string; targetType: string; targetId: string; diff: Record<string, unknown> };
  } = {},
): Promise<BulkUpdateResult> {
  const now = new Date();
  const assigneeId = input.assigneeId === "me" ? caller.userId : input.assigneeId;
  const setup = await run((db) => checkBulkAction(db, caller, input, now));

  const base = targetConditions(input.target, setup.tenantId, caller);
  const addTags = [...new Set(input.addTags ?? [])];
  const removeTags = new Set(input.removeTags ?? []);
  const plan: Plan = { now, status: input.status, assigneeId, team: setup.team, priority: input.priority, addTags, removeTags, settings: setup.settings };
  const result: BulkUpdateResult = { matched: 0, updated: 0, skipped: 0, skippedReasons: { refusedTransition: 0, unchanged: 0 }, refusedByStatus: {} };
  if (options.collectChanged) result.changed = [];

  let afterId: string | null = null;
  for (;;) {
    const conditions = afterId ? [...base, Prisma.sql`c.id > ${afterId}::uuid`] : base;
    const batch: BatchRow[] = await run(async (db) => {
      const rows = await db.$queryRaw<BatchRow[]>`
        SELECT c.id::text AS id, c.status::text AS status, c.priority::text AS priority,
               c.assignee_id::text AS assignee_id, c.team_id::text AS team_id, t.name AS team_name, c.tags, c.created_at,
               c.sla_paused_at, c.first_responded_at, c.first_response_due_at, c.resolution_due_at
          FROM cases c LEFT JOIN teams t ON t.tenant_id = c.tenant_id AND t.id = c.team_id
          ${whereSql(conditions)}
         ORDER BY c.id
         LIMIT ${BULK_BATCH_SIZE}
           FOR UPDATE OF c`;
      const changes: Record<string, unknown>[] = [];
      const events: CaseEventInput[] = [];
      for (const row of rows) {
        const decision = decide(row, plan);
        if (decision.kind === "refused") {
          result.skippedReasons.refusedTransition++;
          result.refusedByStatus[row.status] = (result.refusedByStatus[row.status] ?? 0) + 1;
        } else if (decision.kind === "unchanged") {
          result.skippedReasons.unchanged++;
        } else {
          changes.push({ id: row.id, ...decision.change });
          events.push(...decision.events);
        }
      }
      if (changes.length) {
        const written = await writeChanges(db, changes);
        result.changed?.push(...written);
        await recordCaseEvents(db, events);
        if (options.notifyAssignees && assigneeId && assigneeId !== caller.userId) {
          const actorId = currentActor().id;
          const assigned = changes.filter((c) => c.assigneeId === assigneeId);
          await createNotifications(db, assigned.map((c) => ({ userId: assigneeId, type: "assigned", caseId: c.id as string, actorId })));
        }
      }
      result.matched += rows.length;
      result.updated += changes.length;
      return rows;
    });
    options.onBatch?.(result);
    if (batch.length < BULK_BATCH_SIZE) break;
    afterId = batch.at(-1)!.id;
  }
  result.skipped = result.matched - result.updated;
  const counts = { matched: result.matched, updated: result.updated, skipped: result.skipped };
  const changes = { assigneeId, teamId: input.teamId, status: input.status?.to, priority: input.priority, addTags, removeTags: [...removeTags] };
  const target = "ids" in input.target ? { ids: input.target.ids.length } : { filter: input.target.filter };
  const { auditAs } = options;
  await run((db) =>
    recordAudit(
      db,
      auditAs
        ? { action: auditAs.action, targetType: auditAs.targetType, targetId: auditAs.targetId, diff: { ...auditAs.diff, changes, ...counts } }
        : { action: "case.bulk_updated", targetType: "case", diff: { target, changes, ...counts } },
    ),
  );
  return result;
}

/** Refuses an action that could not apply to any case, before any case is read. */
export async function checkBulkAction(db: TenantDb, caller: Caller, input: BulkUpdateCasesInput, now = new Date()) {
  if (input.assigneeId === "me" && !caller.userId) throw new AppError("BAD_REQUEST", "An API key cannot assign cases to itself");
  const assigneeId = input.assigneeId === "me" ? caller.userId : input.assigneeId;
  if (assigneeId) await requireAssignableMember(db, assigneeId);
  const team = input.teamId ? await requireTeam(db, input.teamId) : (input.teamId as null | undefined);
  if (input.status?.to === "SNOOZED" && (!input.status.until || input.status.until <= now)) {
    throw new AppError("BAD_REQUEST", "Snooze until a time in the future", { fieldErrors: { "status.until": ["Choose a time in the future"] } });
  }
  // The schedule: a priority change computes due times in it, and a status change may end SLA pauses.
  return { settings: input.priority || input.status ? await loadTenantSettings(db) : null, tenantId: requireTenantId(), team };
}

function targetConditions(target: BulkUpdateCasesInput["target"], tenantId: string, caller: Caller): Prisma.Sql[] {
  return "ids" in target
    ? [Prisma.sql`c.tenant_id = ${tenantId}::uuid`, Prisma.sql`c.id IN (${Prisma.join(target.ids.map((id) => Prisma.sql`${id}::uuid`))})`]
    : caseFilterConditions(target.filter, { tenantId, userId: caller.userId }, target.filter.tab);
}

/** How many cases the action's target names now. */
export async function countBulkTarget(db: TenantDb, caller: Caller, target: BulkUpdateCasesInput["target"]): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM cases c ${whereSql(targetConditions(target, requireTenantId(), caller))}`;
  return row?.n ?? 0;
}

interface Plan {
  now: Date;
  status?: { to: CaseStatus; until?: Date };
  assigneeId?: string | null;
  /** undefined: the team stays; null: out of its team. */
  team?: { id: string; name: string } | null;
  priority?: CasePriority;
  addTags: string[];
  removeTags: ReadonlySet<string>;
  settings: TenantSettings | null;
}

type Decision = { kind: "refused" } | { kind: "unchanged" } | { kind: "change"; change: Record<string, unknown>; events: CaseEventInput[] };

/** What the bulk action does to one case: all of it, or (refused) none of it. */
function decide(row: BatchRow, plan: Plan): Decision {
  const { now } = plan;
  const change: Record<string, unknown> = {};
  const events: CaseEventInput[] = [];
  // A new priority's due times come first: a pause ending in the same change moves those.
  const due =
    plan.priority && plan.priority !== row.priority
      ? computeSlaDue(row.created_at, plan.priority, plan.settings!)
      : { firstResponseDueAt: row.first_response_due_at, resolutionDueAt: row.resolution_due_at };
  if (plan.status && plan.status.to !== row.status) {
    if (checkTransition(row.status, plan.status.to, plan.status.until, now)) return { kind: "refused" };
    const pauseRow = { slaPausedAt: row.sla_paused_at, firstRespondedAt: row.first_responded_at, ...due };
    const status = statusChange(row.status, plan.status.to, now, pauseRow, plan.settings, plan.status.until);
    Object.assign(change, status.data);
    events.push({ caseId: row.id, type: "status_changed", from: row.status, to: { status: plan.status.to, ...status.event }, at: now });
  }
  if (plan.assigneeId !== undefined && plan.assigneeId !== row.assignee_id) {
    change.assigneeId = plan.assigneeId;
    events.push({ caseId: row.id, type: "assignee_changed", from: row.assignee_id, to: plan.assigneeId, at: now });
  }
  if (plan.team !== undefined && (plan.team?.id ?? null) !== row.team_id) {
    change.teamId = plan.team?.id ?? null;
    // Names travel with the ids, as a single assignment's do: the timeline reads right after a rename.
    const from = row.team_id ? { id: row.team_id, name: row.team_name ?? "" } : null;
    events.push({ caseId: row.id, type: "team_changed", from, to: plan.team ? { id: plan.team.id, name: plan.team.name } : null, at: now });
  }
  if (plan.priority && plan.priority !== row.priority) {
    change.priority = plan.priority;
    change.firstResponseDueAt ??= due.firstResponseDueAt;
    change.resolutionDueAt ??= due.resolutionDueAt;
    events.push({ caseId: row.id, type: "priority_changed", from: row.priority, to: plan.priority, at: now });
  }
  if (plan.addTags.length || plan.removeTags.size) {
    const tags = [...new Set([...row.tags, ...plan.addTags])].filter((t) => !plan.removeTags.has(t));
    if (tags.join("\u0000") !== row.tags.join("\u0000")) {
      change.tags = tags;
      events.push({ caseId: row.id, type: "tags_changed", from: row.tags, to: tags, at: now });
    }
  }
  if (Object.keys(change).length === 0) return { kind: "unchanged" };
  // A closed case is final: any change to it is refused, as a transition out of CLOSED is.
  if (row.status === "CLOSED") return { kind: "refused" };
  return { kind: "change", change, events };
}

/**
 * One UPDATE for the batch: each row's new values travel in one JSON array, and a column keeps
 * its value where the row's object has no such key.
 */
async function writeChanges(db: TenantDb, changes: Record<string, unknown>[]): Promise<{ id: string; version: number }[]> {
  // `->` gives SQL NULL only for a missing key; a key holding JSON null still sets the column to NULL.
  const has = (key: string) => Prisma.sql`(v.doc -> ${key}) IS NOT NULL`;
  const ts = (key: string) => Prisma.sql`(v.doc->>${key})::timestamptz`;
  const text = (key: string) => Prisma.sql`v.doc->>${key}`;
  const set = (column: string, key: string, value: Prisma.Sql) =>
    Prisma.sql`${Prisma.raw(column)} = CASE WHEN ${has(key)} THEN ${value} ELSE c.${Prisma.raw(column)} END`;
  return db.$queryRaw<{ id: string; version: number }[]>`
    UPDATE cases c SET
      ${set("status", "status", Prisma.sql`(${text("status")})::"CaseStatus"`)},
      ${set("priority", "priority", Prisma.sql`(${text("priority")})::"CasePriority"`)},
      ${set("assignee_id", "assigneeId", Prisma.sql`(${text("assigneeId")})::uuid`)},
      ${set("team_id", "teamId", Prisma.sql`(${text("teamId")})::uuid`)},
      ${set("tags", "tags", Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(v.doc->'tags'))`)},
      ${set("snoozed_until", "snoozedUntil", ts("snoozedUntil"))},
      ${set("resolved_at", "resolvedAt", ts("resolvedAt"))},
      ${set("closed_at", "closedAt", ts("closedAt"))},
      ${set("sla_paused_at", "slaPausedAt", ts("slaPausedAt"))},
      ${set("first_response_due_at", "firstResponseDueAt", ts("firstResponseDueAt"))},
      ${set("resolution_due_at", "resolutionDueAt", ts("resolutionDueAt"))},
      version = c.version + 1,
      updated_at = now()
    FROM jsonb_array_elements(${JSON.stringify(changes)}::jsonb) AS v(doc)
    WHERE c.id = (v.doc->>'id')::uuid AND c.tenant_id = ${requireTenantId()}::uuid
    RETURNING c.id::text AS id, c.version`;
}
