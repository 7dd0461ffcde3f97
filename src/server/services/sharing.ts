// Personal or shared records (canned responses, macros), as saved views are: anyone who replies
// keeps personal ones; shared ones are created and changed by members who manage settings (as
// Zendesk's and Front's shared templates and macros are). Someone else's personal record does not
// exist for the caller (NOT_FOUND).
import { AppError } from "@/server/errors/app-error";

export interface SharingCaller {
  /** Null for an API key: what it creates is shared. */
  userId: string | null;
  /** settings:manage: creates, changes and deletes shared records. */
  canManageShared: boolean;
}

interface Owned {
  ownerId: string | null;
  shared: boolean;
}

export const canEditShared = (row: Owned, caller: SharingCaller): boolean =>
  row.shared ? caller.canManageShared : caller.userId !== null && row.ownerId === caller.userId;

/** The where-clause of what the caller sees: their own and the shared ones. */
export const visibleTo = (caller: SharingCaller): { OR: [{ ownerId: string }, { shared: true }] } | { shared: true } =>
  caller.userId ? { OR: [{ ownerId: caller.userId }, { shared: true }] } : { shared: true };

/** Whether a new record is shared: what an API key creates always is. Refuses sharing by non-admins. */
export function sharedOnCreate(asked: boolean, caller: SharingCaller, noun: string): boolean {
  const shared = caller.userId ? asked : true;
  if (shared) requireManageShared(caller, `Only admins can share ${noun} with the team`);
  return shared;
}

/** Refuses a change the caller may not make to `row`, and a change of sharing they may not make. */
export function checkSharingEdit(row: Owned, caller: SharingCaller, noun: string, shared?: boolean): void {
  if (!canEditShared(row, caller)) requireManageShared(caller, `Only admins can change the team's ${noun}`);
  if (shared === undefined || shared === row.shared) return;
  if (shared) requireManageShared(caller, `Only admins can share ${noun} with the team`);
  // Unsharing hands the record to its creator; one an API key created has nobody to keep it.
  if (!shared && row.ownerId === null) throw new AppError("BAD_REQUEST", `What an API key created stays shared`);
}

function requireManageShared(caller: SharingCaller, message: string): void {
  if (!caller.canManageShared) throw new AppError("FORBIDDEN", message, { reason: "PERMISSION_DENIED" });
}
