// Prometheus Alertmanager's webhook, mapped onto alerts by fingerprint (dedupe key
// "alertmanager:<fingerprint>"): a firing alert is created or recurs (and a resolved one
// reopens), a resolved one is resolved, as nobody, with a note saying Alertmanager did it. A
// resolved alert we never saw (or already resolved) changes nothing and is counted as ignored,
// so a retried delivery is harmless. One transaction, a few statements, one audit event for the
// whole delivery: Alertmanager retries a failed delivery as a whole, so it applies as a whole.
import { ALERT_DESCRIPTION_MAX, ALERT_TITLE_MAX, type AlertSeverity } from "@/lib/validations/alert";
import type { AlertmanagerAlert, AlertmanagerWebhook } from "@/lib/validations/alertmanager";
import { isDateInRange } from "@/lib/validations/date";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { alertChanged } from "./alert-events";
import { fireAlerts, type Firing } from "./fire-alert";
import { postAlertResolved } from "@/server/services/feed/feed-events";

export const ALERTMANAGER_RESOLUTION_NOTE = "Resolved by Alertmanager";

export interface AlertmanagerCounts {
  created: number;
  recurred: number;
  resolved: number;
  ignored: number;
}

export const alertmanagerDedupeKey = (fingerprint: string) => `alertmanager:${fingerprint}`;

/** Prometheus' usual severity label; anything else (info, none, page, …) is INFO. */
export function alertmanagerSeverity(labels: Record<string, string>): AlertSeverity {
  const severity = labels.severity?.trim().toLowerCase();
  return severity === "critical" ? "CRITICAL" : severity === "warning" ? "WARNING" : "INFO";
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

export function alertmanagerTitle(alert: Pick<AlertmanagerAlert, "annotations" | "labels" | "fingerprint">): string {
  const title = alert.annotations.summary?.trim() || alert.labels.alertname?.trim() || `Alertmanager alert ${alert.fingerprint}`;
  return clip(title, ALERT_TITLE_MAX);
}

/** startsAt when it is a date a row can hold; Alertmanager's "zero time" and garbage are not. */
function startedAt(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return isDateInRange(at) ? at : undefined;
}

function toFiring(alert: AlertmanagerAlert): Firing {
  return {
    title: alertmanagerTitle(alert),
    description: clip(alert.annotations.description ?? "", ALERT_DESCRIPTION_MAX),
    severity: alertmanagerSeverity(alert.labels),
    businessUnit: null,
    labels: alert.labels,
    relatedCaseIds: [],
    dedupeKey: alertmanagerDedupeKey(alert.fingerprint),
    assigneeId: null,
    teamId: null,
    source: "ALERTMANAGER",
    firstFiredAt: startedAt(alert.startsAt),
  };
}

export async function receiveAlertmanagerWebhook(db: TenantDb, payload: AlertmanagerWebhook): Promise<AlertmanagerCounts> {
  // Alertmanager sends each alert of a group once; should a fingerprint repeat, its last entry
  // says what is true now and the earlier ones are ignored.
  const latest = new Map(payload.alerts.map((a) => [a.fingerprint, a]));
  const superseded = payload.alerts.length - latest.size;
  const entries = [...latest.values()];

  const fired = await fireAlerts(db, entries.filter((a) => a.status === "firing").map(toFiring));
  const resolvedKeys = entries.filter((a) => a.status === "resolved").map((a) => alertmanagerDedupeKey(a.fingerprint));
  const now = new Date();
  const resolved = resolvedKeys.length
    ? await db.alert.updateManyAndReturn({
        where: { dedupeKey: { in: resolvedKeys }, status: { not: "RESOLVED" } },
        data: { status: "RESOLVED", resolvedAt: now, resolvedById: null, resolutionNote: ALERTMANAGER_RESOLUTION_NOTE, version: { increment: 1 } },
        select: { id: true, severity: true },
      })
    : [];
  for (const r of resolved) alertChanged(r.id, "resolved", { status: "RESOLVED", severity: r.severity });
  for (const r of resolved) await postAlertResolved(db, r.id, now);

  const idsOf = (outcome: string) => fired.filter((f) => f.outcome === outcome).map((f) => f.id);
  const counts: AlertmanagerCounts = {
    created: idsOf("created").length,
    recurred: idsOf("recurred").length,
    resolved: resolved.length,
    ignored: superseded + resolvedKeys.length - resolved.length,
  };
  await recordAudit(db, {
    action: "alert.alertmanager_received",
    targetType: "alert",
    diff: {
      receiver: payload.receiver?.slice(0, 200) ?? null,
      groupKey: payload.groupKey?.slice(0, 500) ?? null,
      created: idsOf("created"),
      recurred: idsOf("recurred"),
      reopened: fired.filter((f) => f.reopened).map((f) => f.id),
      resolved: resolved.map((r) => r.id),
      ignored: counts.ignored,
    },
  });
  return counts;
}
