// The one place domain events become feed items. Each domain service calls one function here, in
// the transaction of its change, so a change that rolls back posts nothing. Every item is keyed by
// its event (dedupeKey, unique per tenant): the same event posted twice (a retried job, two
// runners, a replayed delivery) is one INSERT … ON CONFLICT DO NOTHING that inserts once.
// System items have no author, are for everyone unless the event belongs to a team, and expire.
// Links are in-app paths relative to the tenant's root (see model FeedItem).
import type { FeedItemKind, FeedPriority } from "@/lib/validations/feed";
import { FEED_BODY_MAX, FEED_TITLE_MAX, SYSTEM_ITEM_TTL_MS } from "@/lib/validations/feed";
import type { Role } from "@/server/db/generated/enums";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import type { TenantDb } from "@/server/db/tenant-db";
import { currentTenantId, requireTenantId } from "@/server/db/tenant-scope";
import { feedChanged, feedChangedPrivileged } from "./feed-realtime";

export interface SystemItem {
  kind: Exclude<FeedItemKind, "ANNOUNCEMENT">;
  title: string;
  body?: string;
  link: string | null;
  priority: FeedPriority;
  /** The event belongs to this team: only its members (and the feed's managers) read it. */
  teamId?: string | null;
  /** Only this role and those above read it (when the link leads to a page only they may open). */
  role?: Role;
  /** The event's identity: posting the same key again inserts nothing. */
  dedupeKey: string;
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * Posts one system item; its id, or null when an item of that key exists. In a tenant transaction
 * by default; a privileged one (no tenant scope) names the tenant.
 */
export async function postSystemItem(db: TenantDb | PrivilegedDb, item: SystemItem, tenantId?: string): Promise<string | null> {
  const tenant = tenantId ?? requireTenantId();
  const [row] = await db.feedItem.createManyAndReturn({
    data: [
      {
        tenantId: tenant,
        kind: item.kind,
        title: clip(item.title, FEED_TITLE_MAX),
        body: clip(item.body ?? "", FEED_BODY_MAX),
        link: item.link,
        priority: item.priority,
        audienceKind: item.teamId ? "TEAM" : item.role ? "ROLE" : "EVERYONE",
        audienceValue: item.teamId ?? item.role ?? null,
        authorId: null,
        dedupeKey: item.dedupeKey,
        expiresAt: new Date(Date.now() + SYSTEM_ITEM_TTL_MS),
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!row) return null;
  if (currentTenantId()) feedChanged(row.id, "created");
  // No tenant scope: the db is a privileged transaction's.
  else await feedChangedPrivileged(db as PrivilegedDb, tenant, row.id, "created");
  return row.id;
}

/** Where an alert is shown: the alerts page, told which alert to open. */
export const alertLink = (alertId: string) => `/alerts?alert=${alertId}`;

export interface FiredAlert {
  id: string;
  title: string;
  description: string;
  severity: "INFO" | "WARNING" | "CRITICAL";
  teamId: string | null;
}

const alertPriority = (severity: FiredAlert["severity"]): FeedPriority => (severity === "CRITICAL" ? "HIGH" : "NORMAL");

/** An SLA_BREACHES rule fired: many cases breached at once, which the feed names as a wave. */
export function postSlaBreachWave(db: TenantDb, alert: FiredAlert, at: Date): Promise<string | null> {
  const item = { title: alert.title, body: alert.description, link: alertLink(alert.id), priority: alertPriority(alert.severity), teamId: alert.teamId };
  return postSystemItem(db, { kind: "SLA_BREACH_WAVE", ...item, dedupeKey: `alert:${alert.id}:fired:${at.toISOString()}` });
}

const firedAlertSelect = { id: true, title: true, description: true, severity: true, teamId: true, source: true, labels: true, resolutionNote: true } as const;

/** What the rule that fired it wrote in the labels (evaluate-rules.ts); only a RULE alert has one. */
const ruleKindOf = (alert: { source: string; labels: unknown }) =>
  alert.source === "RULE" && alert.labels && typeof alert.labels === "object" ? (alert.labels as Record<string, unknown>).kind : undefined;

/** An alert was created or came back (reopened, or fired again once resolved). INFO alerts stay out of the feed. */
export async function postAlertFired(db: TenantDb, alertId: string, at = new Date()): Promise<string | null> {
  const alert = await db.alert.findFirst({ where: { id: alertId }, select: firedAlertSelect });
  if (!alert || alert.severity === "INFO") return null;
  if (ruleKindOf(alert) === "SLA_BREACHES") return postSlaBreachWave(db, alert, at);
  const item = { title: alert.title, body: alert.description, link: alertLink(alert.id), priority: alertPriority(alert.severity), teamId: alert.teamId };
  return postSystemItem(db, { kind: "ALERT_FIRED", ...item, dedupeKey: `alert:${alert.id}:fired:${at.toISOString()}` });
}

/** An alert the feed announced was resolved: a quiet item, so the fired one is not the last word. */
export async function postAlertResolved(db: TenantDb, alertId: string, at = new Date()): Promise<string | null> {
  const alert = await db.alert.findFirst({ where: { id: alertId }, select: firedAlertSelect });
  if (!alert || alert.severity === "INFO") return null;
  return postSystemItem(db, {
    kind: "ALERT_RESOLVED",
    title: `Resolved: ${alert.title}`,
    body: alert.resolutionNote ?? "",
    link: alertLink(alert.id),
    priority: "LOW",
    teamId: alert.teamId,
    dedupeKey: `alert:${alert.id}:resolved:${at.toISOString()}`,
  });
}

const count = (n: number | undefined) => (n ?? 0).toLocaleString("en");

/** An import ended (SUCCEEDED or FAILED; a cancelled one was someone's own decision). */
export function postImportFinished(
  db: TenantDb,
  run: { id: string; entity: string; status: string; counts: { importedRows?: number; duplicateRows?: number; rejectedRows?: number } },
): Promise<string | null> {
  if (run.status !== "SUCCEEDED" && run.status !== "FAILED") return Promise.resolve(null);
  const { importedRows, duplicateRows, rejectedRows } = run.counts;
  return postSystemItem(db, {
    kind: "IMPORT_FINISHED",
    title:
      run.status === "SUCCEEDED"
        ? `Import of ${run.entity} finished: ${count(importedRows)} imported, ${count(duplicateRows)} duplicates, ${count(rejectedRows)} rejected`
        : `Import of ${run.entity} failed`,
    body: run.status === "FAILED" ? "The rows before the failure were imported; running the file again skips them as duplicates." : "",
    link: `/imports?import=${run.id}`,
    priority: "NORMAL",
    // The imports page is for those who may import (imports:create): a link others could not open is noise.
    role: "ADMIN",
    dedupeKey: `import:${run.id}:${run.status.toLowerCase()}`,
  });
}

const ROLE_WORDS: Record<Role, string> = { OWNER: "an owner", ADMIN: "an admin", AGENT: "an agent", VIEWER: "a viewer" };

/** Someone joined the tenant. Also from the privileged path of accepting an invitation: it names the tenant. */
export async function postNewMember(db: TenantDb | PrivilegedDb, member: { tenantId?: string; userId: string; role: Role; at: Date }): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: member.userId }, select: { name: true } });
  const item: SystemItem = {
    kind: "NEW_MEMBER",
    title: `${user?.name ?? "A new member"} joined as ${ROLE_WORDS[member.role]}`,
    link: "/settings/members",
    priority: "LOW",
    dedupeKey: `member:${member.userId}:joined:${member.at.toISOString()}`,
  };
  return postSystemItem(db, item, member.tenantId);
}

/** One item per rule run that escalated cases, not one per case: a run can escalate hundreds. */
export function postEscalation(
  db: TenantDb,
  run: { rule: { id: string; name: string; level: string; unassignedMinutes: number; team: { id: string; name: string } | null }; caseIds: readonly string[]; at: Date },
): Promise<string | null> {
  const n = run.caseIds.length;
  if (n === 0) return Promise.resolve(null);
  const { rule } = run;
  return postSystemItem(db, {
    kind: "ESCALATION",
    title: `${count(n)} ${n === 1 ? "case" : "cases"} escalated to ${rule.level}${rule.team ? ` (${rule.team.name})` : ""}`,
    body: `Unassigned for ${rule.unassignedMinutes} minutes: escalated by the rule "${rule.name}".`,
    link: rule.team ? `/cases?teamId=${rule.team.id}` : "/cases",
    priority: "NORMAL",
    teamId: rule.team?.id ?? null,
    dedupeKey: `escalation:${rule.id}:${run.at.toISOString()}`,
  });
}
