// The case status machine, shared by the server (which enforces it) and the UI (which offers
// only the allowed next states). Isomorphic: no server imports.
//
//   NEW → OPEN | PENDING | SNOOZED (until a future time) | RESOLVED
//   OPEN → PENDING | SNOOZED | RESOLVED
//   PENDING → OPEN | SNOOZED | RESOLVED
//   SNOOZED → OPEN | RESOLVED
//   RESOLVED → CLOSED | OPEN (reopen)
//   CLOSED is final: a closed case is a record; a customer writing again gets a new case.
//
// CLOSED only from RESOLVED: a case is resolved (its resolution clock stops) before it is closed.
// Merging is the one way into CLOSED from any other open state: the duplicate closes as part of
// the merge (services/cases/merge-cases.ts), not through a transition.
//
// A transition is not a reply: a NEW case that goes straight to PENDING, SNOOZED or RESOLVED has
// no first response recorded (only an agent's public reply records one, services/cases/add-message.ts).
// Resolved without one, its first-response clock stops at the resolution and reads met or missed
// as the resolution clock does (services/cases/sla.ts).
//
// PENDING (waiting on the customer) and SNOOZED pause the SLA clocks; leaving them resumes the
// clocks with the working time that was left (services/cases/sla-pause.ts).
import type { CaseStatus } from "@/lib/case-fields";

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  NEW: ["OPEN", "PENDING", "SNOOZED", "RESOLVED"],
  OPEN: ["PENDING", "SNOOZED", "RESOLVED"],
  PENDING: ["OPEN", "SNOOZED", "RESOLVED"],
  SNOOZED: ["OPEN", "RESOLVED"],
  RESOLVED: ["CLOSED", "OPEN"],
  CLOSED: [],
};

export const OPEN_STATUSES = ["NEW", "OPEN", "PENDING", "SNOOZED"] as const satisfies readonly CaseStatus[];
export const DONE_STATUSES = ["RESOLVED", "CLOSED"] as const satisfies readonly CaseStatus[];
/** Open statuses in which the SLA clocks pause: waiting on the customer, or snoozed. */
export const PAUSED_STATUSES = ["PENDING", "SNOOZED"] as const satisfies readonly CaseStatus[];

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  NEW: "New",
  OPEN: "Open",
  PENDING: "Pending",
  SNOOZED: "Snoozed",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Why a transition is refused, in words for the user; null when it is allowed. */
export function transitionRefusal(from: CaseStatus, to: CaseStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `The case is already ${STATUS_LABELS[to].toLowerCase()}`;
  if (from === "CLOSED") return "A closed case cannot change status; open a new case instead";
  const allowed = CASE_TRANSITIONS[from].map((s) => STATUS_LABELS[s].toLowerCase());
  const options = allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}` : allowed.join("");
  const refused = to === "CLOSED" ? "cannot be closed before it is resolved" : `cannot become ${STATUS_LABELS[to].toLowerCase()}`;
  return `A ${STATUS_LABELS[from].toLowerCase()} case ${refused}; it can become ${options}`;
}

export function isOpenStatus(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

/** Whether the SLA clocks pause in `status`. */
export function isPausedStatus(status: CaseStatus): boolean {
  return (PAUSED_STATUSES as readonly CaseStatus[]).includes(status);
}
