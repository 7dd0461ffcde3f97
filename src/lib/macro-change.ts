// A macro's field actions as a bulk change of cases: what the server applies through the bulk
// update, and what the UI's Undo puts back.
import type { CasePriority } from "./validations/case";
import type { MacroActionsInput, MACRO_STATUSES } from "./validations/macro";

export interface MacroFieldChange {
  assigneeId?: string | null;
  teamId?: string | null;
  status?: { to: (typeof MACRO_STATUSES)[number] };
  priority?: CasePriority;
  addTags?: string[];
  removeTags?: string[];
}

/** Null when the macro only writes a message. */
export function fieldChangeOf(actions: MacroActionsInput): MacroFieldChange | null {
  const change: MacroFieldChange = {
    ...(actions.assigneeId !== undefined ? { assigneeId: actions.assigneeId } : {}),
    ...(actions.teamId !== undefined ? { teamId: actions.teamId } : {}),
    ...(actions.status ? { status: { to: actions.status } } : {}),
    ...(actions.priority ? { priority: actions.priority } : {}),
    ...(actions.addTags?.length ? { addTags: actions.addTags } : {}),
    ...(actions.removeTags?.length ? { removeTags: actions.removeTags } : {}),
  };
  return Object.keys(change).length ? change : null;
}
