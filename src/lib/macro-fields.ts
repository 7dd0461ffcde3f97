// Macro values the cases list needs on first load, apart from the schemas in ./validations/macro.

/**
 * The statuses a macro may set. Not NEW (a case only starts there), not SNOOZED (it needs a time,
 * chosen per case), not CLOSED (final: closing is a deliberate step of its own).
 */
export const MACRO_STATUSES = ["OPEN", "PENDING", "RESOLVED"] as const;

/** At most this many cases in one application: each may get a reply, all in one transaction. */
export const MACRO_APPLY_LIMIT = 100;
