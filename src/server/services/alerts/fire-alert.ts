// Alerts fire: each is created, or, when an alert with the same dedupe key exists, a recurrence
// of it, as Alertmanager groups repeated firings. A recurrence counts an occurrence, moves
// lastFiredAt, takes the firing's title, description, severity and labels (the source knows
// best what it is firing now), and reopens a RESOLVED alert to ACTIVE with its acknowledgement
// and resolution cleared. What people set (assignee, team, business unit, related cases) stays.
//
// Set-based, so an Alertmanager delivery of hundreds of alerts is a handful of statements, not
// hundreds: one INSERT … ON CONFLICT DO NOTHING (createMany's skipDuplicates) for all, then the
// existing ones locked (FOR UPDATE) and updated in one statement. Two firings of one new key at
// once therefore neither make two alerts nor fail: the second insert waits for the first and
// inserts nothing, and the lock makes concurrent recurrences count every occurrence.
// Audit is the caller's: one event per alert for a person's or script's alert, one per delivery
// for Alertmanager.
import type { AlertSeverity, AlertStatus } from "@/lib/validations/alert";
import type { AlertSource, Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";
import { alertChanged } from "./alert-events";
import { notifyAlert } from "./notify-alert";
import { postAlertFired } from "@/server/services/feed/feed-events";

/** The detail's occurrence history keeps the latest firings; the count goes on in `occurrences`. */
export const ALERT_FIRINGS_KEPT = 200;

export interface Firing {
  title: string;
  description: string;
  severity: AlertSeverity;
  businessUnit: string | null;
  labels: Record<string, string>;
  relatedCaseIds: string[];
  /** Null: never deduplicated, the firing is an alert of its own. */
  dedupeKey: string | null;
  assigneeId: string | null;
  teamId: string | null;
  source: AlertSource;
  /** When the source says it started firing (Alertmanager's startsAt); defaults to now. */
  firstFiredAt?: Date;
}

export type FireOutcome = "created" | "recurred";

export interface FireResult {
  id: string;
  outcome: FireOutcome;
  /** A recurrence of a RESOLVED alert, which is ACTIVE again. */
  reopened: boolean;
  occurrences: number;
}

interface RecurredRow {
  id: string;
  key: string;
  occurrences: number;
  assigneeId: string | null;
  teamId: string | null;
}

/** One result per firing, in order. Dedupe keys must differ between the firings (at most one null). */
export async function fireAlerts(db: TenantDb, firings: readonly Firing[]): Promise<FireResult[]> {
  if (firings.length === 0) return [];
  if (new Set(firings.map((f) => f.dedupeKey)).size !== firings.length) throw new Error("fireAlerts: one firing per dedupe key");
  const now = new Date();
  const tenantId = requireTenantId();
  const rows = firings.map(
    (f) =>
      ({
        tenantId,
        title: f.title,
        description: f.description,
        severity: f.severity,
        businessUnit: f.businessUnit,
        source: f.source,
        labels: f.labels,
        relatedCaseIds: f.relatedCaseIds,
        dedupeKey: f.dedupeKey,
        assigneeId: f.assigneeId,
        teamId: f.teamId,
        firstFiredAt: f.firstFiredAt && f.firstFiredAt < now ? f.firstFiredAt : now,
        lastFiredAt: now,
        firings: [now],
      }) satisfies Prisma.AlertCreateManyInput,
  );
  const created = await db.alert.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, dedupeKey: true } });
  const createdIds = new Map(created.map((r) => [r.dedupeKey, r.id]));
  const recurring = firings.filter((f) => !createdIds.has(f.dedupeKey));
  const { recurred, reopenedIds } = await recur(db, recurring, now);

  const results: FireResult[] = [];
  for (const firing of firings) {
    const createdId = createdIds.get(firing.dedupeKey);
    if (createdId) {
      results.push({ id: createdId, outcome: "created", reopened: false, occurrences: 1 });
      alertChanged(createdId, "created", { status: "ACTIVE", severity: firing.severity });
      await postAlertFired(db, createdId, now);
      await notifyAlert(db, { id: createdId, title: firing.title, assigneeId: firing.assigneeId, teamId: firing.teamId });
      continue;
    }
    const row = recurred.get(firing.dedupeKey!);
    // The alert of that key was deleted between the insert and the lock: rare enough for a retry.
    if (!row) throw new AppError("CONFLICT", "An alert changed while it fired again; send it again", { reason: "RETRY" });
    const reopened = reopenedIds.has(row.id);
    results.push({ id: row.id, outcome: "recurred", reopened, occurrences: row.occurrences });
    alertChanged(row.id, "recurred", { status: row.status, severity: firing.severity });
    if (reopened) await postAlertFired(db, row.id, now);
    // A routed alert that comes back needs someone again; one still open is already in their inbox.
    if (reopened) await notifyAlert(db, { id: row.id, title: firing.title, assigneeId: row.assigneeId, teamId: row.teamId });
  }
  return results;
}

async function recur(
  db: TenantDb,
  firings: readonly Firing[],
  now: Date,
): Promise<{ recurred: Map<string, RecurredRow & { status: AlertStatus }>; reopenedIds: Set<string> }> {
  if (firings.length === 0) return { recurred: new Map(), reopenedIds: new Set() };
  const tenantId = requireTenantId();
  const keys = JSON.stringify(firings.map((f) => f.dedupeKey));
  // Locked first, so the status read here is the one the update below replaces.
  const locked = await db.$queryRaw<{ id: string; status: string }[]>`
    SELECT id::text AS id, status::text AS status FROM alerts
     WHERE tenant_id = ${tenantId}::uuid AND dedupe_key IN (SELECT jsonb_array_elements_text(${keys}::jsonb))
     FOR UPDATE`;
  const statusById = new Map(locked.map((r) => [r.id, r.status === "RESOLVED" ? "ACTIVE" : (r.status as AlertStatus)]));
  const reopenedIds = new Set(locked.filter((r) => r.status === "RESOLVED").map((r) => r.id));
  const values = JSON.stringify(firings.map((f) => ({ key: f.dedupeKey, title: f.title, description: f.description, severity: f.severity, labels: f.labels })));
  const at = now.toISOString();
  // In SET, a.* is the row before the update: a RESOLVED alert reopens with its resolution cleared.
  const rows = await db.$queryRaw<RecurredRow[]>`
    UPDATE alerts AS a SET
           title = v.title,
           description = v.description,
           severity = v.severity::"AlertSeverity",
           labels = v.labels,
           occurrences = a.occurrences + 1,
           firings = (a.firings || ${at}::timestamptz)[greatest(1, cardinality(a.firings) + 2 - ${ALERT_FIRINGS_KEPT}):],
           last_fired_at = ${at}::timestamptz,
           version = a.version + 1,
           updated_at = ${at}::timestamptz,
           status = CASE WHEN a.status = 'RESOLVED' THEN 'ACTIVE'::"AlertStatus" ELSE a.status END,
           acknowledged_at = CASE WHEN a.status = 'RESOLVED' THEN NULL ELSE a.acknowledged_at END,
           acknowledged_by_id = CASE WHEN a.status = 'RESOLVED' THEN NULL ELSE a.acknowledged_by_id END,
           resolved_at = CASE WHEN a.status = 'RESOLVED' THEN NULL ELSE a.resolved_at END,
           resolved_by_id = CASE WHEN a.status = 'RESOLVED' THEN NULL ELSE a.resolved_by_id END,
           resolution_note = CASE WHEN a.status = 'RESOLVED' THEN NULL ELSE a.resolution_note END
      FROM jsonb_to_recordset(${values}::jsonb) AS v(key text, title text, description text, severity text, labels jsonb)
     WHERE a.tenant_id = ${tenantId}::uuid AND a.dedupe_key = v.key
 RETURNING a.id::text AS id, a.dedupe_key AS key, a.occurrences, a.assignee_id::text AS "assigneeId", a.team_id::text AS "teamId"`;
  return { recurred: new Map(rows.map((r) => [r.key, { ...r, status: statusById.get(r.id) ?? "ACTIVE" }])), reopenedIds };
}
