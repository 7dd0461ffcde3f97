// A macro's actions in words, for the settings list, the composer's `/` list, the bulk bar and
// the palette: "Reply · Pending · High priority · +refund · −vip · Team Billing · Assign to you".
import { STATUS_LABELS } from "./case-status";
import type { MacroActionsInput } from "./validations/macro";

export interface MacroNames {
  /** Team id → name. */
  teams: ReadonlyMap<string, string>;
  /** Member id → name. */
  members: ReadonlyMap<string, string>;
  /** Who "me" is: "you" where the reader applies it (the default), else e.g. "whoever applies it". */
  me?: string;
}

const capitalised = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

export function describeMacro(actions: MacroActionsInput, names: MacroNames): string[] {
  const parts: string[] = [];
  if (actions.reply) parts.push(actions.reply.kind === "INTERNAL_NOTE" ? "Internal note" : "Reply");
  if (actions.status) parts.push(STATUS_LABELS[actions.status]);
  if (actions.priority) parts.push(`${capitalised(actions.priority)} priority`);
  for (const tag of actions.addTags ?? []) parts.push(`+${tag}`);
  for (const tag of actions.removeTags ?? []) parts.push(`−${tag}`);
  if (actions.teamId === null) parts.push("No team");
  else if (actions.teamId) parts.push(`Team ${names.teams.get(actions.teamId) ?? "(deleted)"}`);
  if (actions.assigneeId === null) parts.push("Unassign");
  else if (actions.assigneeId === "me") parts.push(`Assign to ${names.me ?? "you"}`);
  else if (actions.assigneeId) parts.push(`Assign to ${names.members.get(actions.assigneeId) ?? "(removed member)"}`);
  return parts;
}
