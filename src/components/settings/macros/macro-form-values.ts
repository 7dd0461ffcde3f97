// The macro form's flat fields and the procedure's nested input, both ways, and which field an
// error of the input belongs to (the client's check and the server's field errors alike).
import type { CasePriority } from "@/lib/validations/case";
import type { CreateMacroInput, MACRO_STATUSES, MacroActionsInput } from "@/lib/validations/macro";

export interface MacroFormValues {
  name: string;
  shared: boolean;
  /** "" for no message. */
  message: "" | "PUBLIC_REPLY" | "INTERNAL_NOTE";
  body: string;
  status: "" | (typeof MACRO_STATUSES)[number];
  priority: "" | CasePriority;
  /** Comma-separated. */
  addTags: string;
  removeTags: string;
  /** "" leaves the team alone, "none" takes the case out of its team. */
  teamId: string;
  /** "" leaves the assignee alone, "none" unassigns, "me" is whoever applies the macro. */
  assigneeId: string;
}

const tags = (value: string) =>
  value
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

const choice = (value: string) => (value === "" ? undefined : value === "none" ? null : value);

export function toMacroInput(values: MacroFormValues): CreateMacroInput {
  const actions: MacroActionsInput = {};
  if (values.message) actions.reply = { kind: values.message, body: values.body };
  if (values.status) actions.status = values.status;
  if (values.priority) actions.priority = values.priority;
  if (tags(values.addTags).length) actions.addTags = tags(values.addTags);
  if (tags(values.removeTags).length) actions.removeTags = tags(values.removeTags);
  const teamId = choice(values.teamId);
  if (teamId !== undefined) actions.teamId = teamId;
  const assigneeId = choice(values.assigneeId);
  if (assigneeId !== undefined) actions.assigneeId = assigneeId;
  return { name: values.name, shared: values.shared, actions };
}

export function toMacroFormValues(macro?: { name: string; shared: boolean; actions: MacroActionsInput }): MacroFormValues {
  const a = macro?.actions ?? {};
  const picked = (value: string | null | undefined) => (value === undefined ? "" : value === null ? "none" : value);
  return {
    name: macro?.name ?? "",
    shared: macro?.shared ?? false,
    message: a.reply ? (a.reply.kind ?? "PUBLIC_REPLY") : "",
    body: a.reply?.body ?? "",
    status: a.status ?? "",
    priority: a.priority ?? "",
    addTags: (a.addTags ?? []).join(", "),
    removeTags: (a.removeTags ?? []).join(", "),
    teamId: picked(a.teamId),
    assigneeId: picked(a.assigneeId),
  };
}

/** The form field an input path's error shows at; "root" for the form as a whole. */
export function macroFieldOf(path: readonly PropertyKey[] | string): keyof MacroFormValues | "root" {
  const [head, second, third] = typeof path === "string" ? path.split(".") : path.map(String);
  if (head === "name" || head === "shared") return head;
  if (head !== "actions") return "root";
  if (second === "reply") return third === "kind" ? "message" : "body";
  const fields = ["status", "priority", "addTags", "removeTags", "teamId", "assigneeId"] as const;
  return fields.find((f) => f === second) ?? "root";
}
