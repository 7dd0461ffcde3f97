// The alert status machine, shared by the server (which enforces it) and the alerts page (which
// offers only the actions it allows). ACTIVE → ACKNOWLEDGED → RESOLVED, and ACTIVE → RESOLVED
// directly; RESOLVED goes back to ACTIVE only by reopening (a person) or by a recurrence (the
// source fires again). There is no "un-acknowledge": an acknowledged alert is someone's.
import type { AlertStatus } from "@/lib/validations/alert";

export const ALERT_ACTIONS = ["acknowledge", "resolve", "reopen"] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

const ALLOWED_FROM: Record<AlertAction, readonly AlertStatus[]> = {
  acknowledge: ["ACTIVE"],
  resolve: ["ACTIVE", "ACKNOWLEDGED"],
  reopen: ["RESOLVED"],
};

export const ALERT_ACTION_TARGET: Record<AlertAction, AlertStatus> = {
  acknowledge: "ACKNOWLEDGED",
  resolve: "RESOLVED",
  reopen: "ACTIVE",
};

export function alertActionAllowed(action: AlertAction, from: AlertStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** Why an action does not apply, in words a person can act on; null when it does. */
export function alertActionRefusal(action: AlertAction, from: AlertStatus): string | null {
  if (alertActionAllowed(action, from)) return null;
  if (action === "acknowledge") return from === "ACKNOWLEDGED" ? "The alert is already acknowledged" : "A resolved alert cannot be acknowledged; reopen it first";
  if (action === "resolve") return "The alert is already resolved";
  return "Only a resolved alert can be reopened";
}
