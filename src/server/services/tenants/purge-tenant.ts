// Purges a tenant whose deletion grace period has passed: every row of every tenant-owned table,
// its stored files, its old slugs, then the tenant itself. Many tables reference tenants by id
// only (no foreign key, so no cascade): each is deleted explicitly, and a test holds PURGE_STEPS
// to the tenant-owned models of schema.prisma, so a new model cannot be forgotten.
//
// Audit events are append-only even for the privileged role; the one exception, built into the
// database (migration 20261123120000_audit_chain), is a transaction that names the tenant in
// `caseboard.purge_tenant`. They go with the tenant row (foreign key cascade) in the last step.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { invalidateAuth } from "@/server/auth/auth-cache";

/** Runs one step in its own privileged transaction, so no single transaction grows with the tenant. */
export type PrivilegedRunner = <R>(fn: (db: PrivilegedDb) => Promise<R>) => Promise<R>;

interface PurgeStep {
  model: string;
  purge(db: PrivilegedDb, tenantId: string): Promise<number>;
}

const count = (p: Promise<{ count: number }>) => p.then((r) => r.count);

/** In foreign-key order: children before the rows they point at. */
export const PURGE_STEPS: readonly PurgeStep[] = [
  { model: "RealtimeEvent", purge: (db, tenantId) => count(db.realtimeEvent.deleteMany({ where: { tenantId } })) },
  { model: "RealtimeCounter", purge: (db, tenantId) => count(db.realtimeCounter.deleteMany({ where: { tenantId } })) },
  { model: "Notification", purge: (db, tenantId) => count(db.notification.deleteMany({ where: { tenantId } })) },
  { model: "NotificationPreference", purge: (db, tenantId) => count(db.notificationPreference.deleteMany({ where: { tenantId } })) },
  { model: "CaseFollower", purge: (db, tenantId) => count(db.caseFollower.deleteMany({ where: { tenantId } })) },
  { model: "CaseMessage", purge: (db, tenantId) => count(db.caseMessage.deleteMany({ where: { tenantId } })) },
  { model: "CaseSuggestion", purge: (db, tenantId) => count(db.caseSuggestion.deleteMany({ where: { tenantId } })) },
  { model: "CaseEvent", purge: (db, tenantId) => count(db.caseEvent.deleteMany({ where: { tenantId } })) },
  { model: "Case", purge: (db, tenantId) => count(db.case.deleteMany({ where: { tenantId } })) },
  // After notifications (which point at alerts), before teams (which alerts point at).
  { model: "Alert", purge: (db, tenantId) => count(db.alert.deleteMany({ where: { tenantId } })) },
  { model: "AlertRule", purge: (db, tenantId) => count(db.alertRule.deleteMany({ where: { tenantId } })) },
  { model: "FeedItem", purge: (db, tenantId) => count(db.feedItem.deleteMany({ where: { tenantId } })) },
  { model: "SearchOpen", purge: (db, tenantId) => count(db.searchOpen.deleteMany({ where: { tenantId } })) },
  { model: "SearchEvent", purge: (db, tenantId) => count(db.searchEvent.deleteMany({ where: { tenantId } })) },
  { model: "AgentRun", purge: (db, tenantId) => count(db.agentRun.deleteMany({ where: { tenantId } })) },
  { model: "AiUsage", purge: (db, tenantId) => count(db.aiUsage.deleteMany({ where: { tenantId } })) },
  { model: "TrendingTopic", purge: (db, tenantId) => count(db.trendingTopic.deleteMany({ where: { tenantId } })) },
  { model: "TrendingRun", purge: (db, tenantId) => count(db.trendingRun.deleteMany({ where: { tenantId } })) },
  { model: "CaseReportFact", purge: (db, tenantId) => count(db.caseReportFact.deleteMany({ where: { tenantId } })) },
  { model: "CaseReportRollup", purge: (db, tenantId) => count(db.caseReportRollup.deleteMany({ where: { tenantId } })) },
  { model: "CaseReportState", purge: (db, tenantId) => count(db.caseReportState.deleteMany({ where: { tenantId } })) },
  { model: "TriageModelTerm", purge: (db, tenantId) => count(db.triageModelTerm.deleteMany({ where: { tenantId } })) },
  { model: "SearchTerm", purge: (db, tenantId) => count(db.searchTerm.deleteMany({ where: { tenantId } })) },
  { model: "TriageModel", purge: (db, tenantId) => count(db.triageModel.deleteMany({ where: { tenantId } })) },
  { model: "TopicDay", purge: (db, tenantId) => count(db.topicDay.deleteMany({ where: { tenantId } })) },
  { model: "EscalationRule", purge: (db, tenantId) => count(db.escalationRule.deleteMany({ where: { tenantId } })) },
  { model: "TeamMember", purge: (db, tenantId) => count(db.teamMember.deleteMany({ where: { tenantId } })) },
  { model: "Team", purge: (db, tenantId) => count(db.team.deleteMany({ where: { tenantId } })) },
  { model: "CaseCounter", purge: (db, tenantId) => count(db.caseCounter.deleteMany({ where: { tenantId } })) },
  { model: "Attachment", purge: (db, tenantId) => count(db.attachment.deleteMany({ where: { tenantId } })) },
  { model: "ChatVisitor", purge: (db, tenantId) => count(db.chatVisitor.deleteMany({ where: { tenantId } })) },
  { model: "ChatWidget", purge: (db, tenantId) => count(db.chatWidget.deleteMany({ where: { tenantId } })) },
  { model: "Customer", purge: (db, tenantId) => count(db.customer.deleteMany({ where: { tenantId } })) },
  { model: "SavedView", purge: (db, tenantId) => count(db.savedView.deleteMany({ where: { tenantId } })) },
  { model: "CannedResponse", purge: (db, tenantId) => count(db.cannedResponse.deleteMany({ where: { tenantId } })) },
  { model: "Macro", purge: (db, tenantId) => count(db.macro.deleteMany({ where: { tenantId } })) },
  { model: "Import", purge: (db, tenantId) => count(db.import.deleteMany({ where: { tenantId } })) },
  { model: "StoredFile", purge: (db, tenantId) => count(db.storedFile.deleteMany({ where: { tenantId } })) },
  { model: "Invitation", purge: (db, tenantId) => count(db.invitation.deleteMany({ where: { tenantId } })) },
  { model: "Job", purge: (db, tenantId) => count(db.job.deleteMany({ where: { tenantId } })) },
  { model: "ApiKey", purge: (db, tenantId) => count(db.apiKey.deleteMany({ where: { tenantId } })) },
  { model: "Membership", purge: (db, tenantId) => count(db.membership.deleteMany({ where: { tenantId } })) },
  { model: "TenantSlugRedirect", purge: (db, tenantId) => count(db.tenantSlugRedirect.deleteMany({ where: { tenantId } })) },
];

/** Models removed with the tenant row itself, in the final step. */
export const PURGED_WITH_TENANT = ["AuditEvent"] as const;

export interface PurgeResult {
  purged: boolean;
  /** Rows deleted per model. */
  deleted: Record<string, number>;
  files: number;
}

export interface PurgeOptions {
  now?: Date;
  /** Deletes one stored object by its storage key (the storage backend's delete). */
  deleteStoredObject?: (storageKey: string) => Promise<void>;
}

/**
 * Claims the tenant first: still scheduled and due → suspended, so an owner can no longer cancel
 * a purge that has begun (a suspended tenant refuses every call). A tenant whose deletion was
 * cancelled in the meantime is left alone. A purge that fails half-way is retried by the next run.
 */
export async function purgeTenant(run: PrivilegedRunner, tenantId: string, options: PurgeOptions = {}): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const claimed = await run((db) =>
    db.tenant.updateMany({ where: { id: tenantId, deletionScheduledFor: { lte: now } }, data: { status: "SUSPENDED" } }),
  );
  const deleted: Record<string, number> = {};
  if (claimed.count === 0) return { purged: false, deleted, files: 0 };

  let files = 0;
  if (options.deleteStoredObject) {
    const keys = await run((db) => db.storedFile.findMany({ where: { tenantId }, select: { storageKey: true } }));
    // Bytes first: a row without bytes is harmless, bytes without a row would never be found again.
    for (const { storageKey } of keys) await options.deleteStoredObject(storageKey);
    files = keys.length;
  }
  for (const step of PURGE_STEPS) deleted[step.model] = await run((db) => step.purge(db, tenantId));

  await run(async (db) => {
    deleted.AuditEvent = await db.auditEvent.count({ where: { tenantId } });
    await db.$executeRaw`SELECT set_config('caseboard.purge_tenant', ${tenantId}, true)`;
    await db.tenant.delete({ where: { id: tenantId }, select: { id: true } });
    invalidateAuth({ tenantId });
  });
  return { purged: true, deleted, files };
}

/** Tenants whose grace period has passed, oldest first. */
export function dueTenantIds(db: PrivilegedDb, now: Date, take: number): Promise<string[]> {
  return db.tenant
    .findMany({ where: { deletionScheduledFor: { lte: now } }, orderBy: { deletionScheduledFor: "asc" }, take, select: { id: true } })
    .then((rows) => rows.map((r) => r.id));
}
