// Acknowledging, resolving and reopening an alert, as the status machine allows
// (src/lib/alert-status.ts). An action the machine refuses is a CONFLICT (the alert is not in a
// state for it, often because a colleague got there first), with the alert's status and the
// action in the details so a client can tell which. Who acted is kept when it was a member;
// an API key or Alertmanager leaves it empty (the audit trail names the key).
import { ALERT_ACTION_TARGET, alertActionRefusal, type AlertAction } from "@/lib/alert-status";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { alertChanged } from "./alert-events";
import { loadAlert, type AlertOutput } from "./alert-select";
import { readAlertForWrite, updateAlertAtVersion } from "./alert-version";
import { postAlertFired, postAlertResolved } from "@/server/services/feed/feed-events";

export interface AlertActionInput {
  id: string;
  action: AlertAction;
  /** The member acting; null for an API key, Alertmanager or the system. */
  userId: string | null;
  /** The version the caller read, if it names one. */
  version?: number;
  /** resolve: the resolution note. */
  note?: string | null;
}

const PAST: Record<AlertAction, "acknowledged" | "resolved" | "reopened"> = { acknowledge: "acknowledged", resolve: "resolved", reopen: "reopened" };

function changeFor(input: AlertActionInput, now: Date): Prisma.AlertUncheckedUpdateManyInput {
  switch (input.action) {
    case "acknowledge":
      return { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById: input.userId };
    case "resolve":
      return { status: "RESOLVED", resolvedAt: now, resolvedById: input.userId, resolutionNote: input.note || null };
    case "reopen":
      // Back to the start: whoever takes it now acknowledges it anew.
      return { status: "ACTIVE", acknowledgedAt: null, acknowledgedById: null, resolvedAt: null, resolvedById: null, resolutionNote: null };
  }
}

export async function applyAlertAction(db: TenantDb, input: AlertActionInput): Promise<void> {
  const current = await readAlertForWrite(db, input.id, input.version);
  const refusal = alertActionRefusal(input.action, current.status);
  if (refusal) throw new AppError("CONFLICT", refusal, { reason: "INVALID_TRANSITION", status: current.status, action: input.action });
  await updateAlertAtVersion(db, input.id, current.version, changeFor(input, new Date()));
  const to = ALERT_ACTION_TARGET[input.action];
  await recordAudit(db, {
    action: `alert.${PAST[input.action]}`,
    targetType: "alert",
    targetId: input.id,
    diff: { from: current.status, to, ...(input.action === "resolve" ? { note: input.note || null } : {}) },
  });
  alertChanged(input.id, PAST[input.action], { status: to, severity: current.severity });
  if (input.action !== "acknowledge") await (input.action === "resolve" ? postAlertResolved : postAlertFired)(db, input.id);
}

export async function transitionAlert(db: TenantDb, input: AlertActionInput): Promise<AlertOutput> {
  await applyAlertAction(db, input);
  return loadAlert(db, input.id);
}
