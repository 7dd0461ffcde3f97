// The case status machine, shared by the server (which enforces it) and the UI (which offers
// only the allowed next states). Isomorphic: no server imports.
//
//   NEW → OPEN
//   OPEN → PENDING | SNOOZED (until a future time) | RESOLVED
//   PENDING → OPEN | RESOLVED
//   SNOOZED → OPEN | RESOLVED
//   RESOLVED → CLOSED | OPEN (reopen)
//   CLOSED is final: a closed case is a record; a customer writing again gets a new case.
//
// Merging is the one way into CLOSED from any other open state: the duplicate closes as part of
// the merge (services/cases/merge-cases.ts), not through a transition.
import type { CaseStatus } from "@/lib/validations/case";

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  NEW: ["OPEN"],
  OPEN: ["PENDING", "SNOOZED", "RESOLVED"],
  PENDING: ["OPEN", "RESOLVED"],
  SNOOZED: ["OPEN", "RESOLVED"],
  RESOLVED: ["CLOSED", "OPEN"],
  CLOSED: [],
};

/** Statuses in which a case still waits for work (SLA clocks run, "open cases" counts). */
export const OPEN_STATUSES = ["NEW", "OPEN", "PENDING", "SNOOZED"] as const satisfies readonly CaseStatus[];
export const DONE_STATUSES = ["RESOLVED", "CLOSED"] as const satisfies readonly CaseStatus[];

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
  return `A ${STATUS_LABELS[from].toLowerCase()} case cannot become ${STATUS_LABELS[to].toLowerCase()}; it can become ${allowed.join(" or ")}`;
}

export function isOpenStatus(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}
