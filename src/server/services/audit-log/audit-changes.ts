// Audit diffs as people read them: a list of "field: before → after" with ids replaced by names,
// enum values in words and dates in the tenant's time zone. Pure: the names are looked up first
// (record-names.ts) and handed in. Writers store diffs in a few shapes, all handled here:
//   { from, to }                     one value changed; which one the action says (case.assigned)
//   { from: {…}, to: {…} }           several fields (team.updated, alert.assigned)
//   { field: { from, to }, … }       several fields (tenant.settings_updated, member.role_changed)
//   { field: value, … }              values set or recorded (case.created, export.created)
import type { RecordKind } from "./record-names";

export interface AuditChange {
  /** The diff's key, as stored ("assigneeId"). */
  field: string;
  /** The key in words ("Assignee"). */
  label: string;
  /** Display text; null where there was none (or nothing to compare with). */
  before: string | null;
  after: string | null;
  /** true for a before → after pair; false for a value recorded with the event. */
  changed: boolean;
}

export interface ChangeContext {
  /** The name of a record (or its "Deleted …" label). */
  name: (kind: RecordKind, id: string) => string;
  timeZone: string;
}

/** Diff keys that hold ids of tenant records (a single id or a list of them). */
export const ID_FIELDS: Readonly<Record<string, RecordKind>> = {
  userId: "user",
  userIds: "user",
  assigneeId: "user",
  defaultAssigneeId: "user",
  createdById: "user",
  teamId: "team",
  teamIds: "team",
  customerId: "customer",
  caseId: "case",
  sourceId: "case",
  ruleId: "escalation_rule",
  fileId: "file",
  rejectsFileId: "file",
  importId: "import",
  viewId: "saved_view",
  replaced: "invitation",
};

/** Internal references with nothing to show a reader. */
const HIDDEN_FIELDS = new Set(["messageId"]);

/** What a bare { from, to } changed, by action. */
const SUBJECT: Readonly<Record<string, { field: string; kind?: RecordKind }>> = {
  "case.assigned": { field: "assigneeId", kind: "user" },
  "case.team_changed": { field: "teamId", kind: "team" },
  "case.status_changed": { field: "status" },
  "case.escalated": { field: "escalationLevel" },
  "case.deescalated": { field: "escalationLevel" },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isFromTo = (value: unknown): value is { from?: unknown; to?: unknown } =>
  isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k === "from" || k === "to");

/** "defaultAssigneeId" → "Default assignee", "teamIds" → "Teams", "sla_due" → "Sla due". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/Ids$/, "s")
    .replace(/(.)Id$/, "$1")
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : field;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONSTANT = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** Short enum values that are words; other short capitals are acronyms ("UTC", "CSV") and stay. */
const SHORT_WORDS = new Set(["NEW", "LOW", "WEB"]);

/** "IN_PROGRESS" → "In progress"; other words unchanged. */
export function constantInWords(value: string): string {
  if (!CONSTANT.test(value) || (value.length < 4 && !SHORT_WORDS.has(value))) return value;
  const words = value.toLowerCase().replace(/_/g, " ");
  return words[0]!.toUpperCase() + words.slice(1);
}

export function formatDateTime(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

/** One stored value as text; `kind` names what an id in it refers to. */
export function formatValue(value: unknown, ctx: ChangeContext, kind?: RecordKind): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(v, ctx, kind)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(", ") : "none";
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return value.toLocaleString("en");
  if (value instanceof Date) return formatDateTime(value, ctx.timeZone);
  if (typeof value === "string") {
    if (kind && UUID.test(value)) return ctx.name(kind, value);
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), ctx.timeZone);
    return constantInWords(value);
  }
  if (isObject(value)) {
    const parts = Object.entries(value)
      .filter(([k, v]) => v !== null && v !== undefined && !HIDDEN_FIELDS.has(k))
      .map(([k, v]) => `${fieldLabel(k)}: ${formatValue(v, ctx, ID_FIELDS[k]) ?? "—"}`);
    return parts.length ? parts.join("; ") : null;
  }
  return String(value);
}

/** A case-list filter as fields: only what narrows the list (tab "all" and the sort do not). */
export function caseFilterFields(filter: Record<string, unknown>, ctx: ChangeContext): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null || name === "sort" || name === "order") continue;
    // notStatus, notTag…: the "is not" of status, tag…
    const negated = /^not[A-Z]/.test(name);
    const key = negated ? `${name.charAt(3).toLowerCase()}${name.slice(4)}` : name;
    if (key === "tab") {
      if (value !== "all") fields.push({ label: "Tab", value: { mine: "Mine", my_teams: "My teams", unassigned: "Unassigned" }[String(value)] ?? String(value) });
      continue;
    }
    const label = negated ? `${fieldLabel(key)} is not` : fieldLabel(key);
    if (key === "assigneeId") {
      // One value (older jobs) or several; "me" and "none" are words, the rest members.
      const words: Record<string, string> = { me: "Me (whoever started it)", none: "Unassigned", my_teams: "My teams' unassigned" };
      const names = (Array.isArray(value) ? value : [value]).map((v) => words[String(v)] ?? formatValue(v, ctx, "user") ?? String(v));
      fields.push({ label, value: names.join(", ") });
      continue;
    }
    if (key === "q") {
      fields.push({ label: "Words", value: `“${String(value)}”` });
      continue;
    }
    const text = formatValue(value, ctx, ID_FIELDS[key]);
    if (text !== null) fields.push({ label, value: text });
  }
  return fields.length ? fields : [{ label: "Cases", value: "All cases" }];
}

function pair(field: string, before: unknown, after: unknown, ctx: ChangeContext, kind = ID_FIELDS[field]): AuditChange {
  return { field, label: fieldLabel(field), before: formatValue(before, ctx, kind), after: formatValue(after, ctx, kind), changed: true };
}

function recorded(field: string, value: unknown, ctx: ChangeContext, removed: boolean): AuditChange {
  const text = formatValue(value, ctx, ID_FIELDS[field]);
  return { field, label: fieldLabel(field), before: removed ? text : null, after: removed ? null : text, changed: false };
}

/** The event's diff as a list of changes, in the order the writer stored them. */
export function auditChanges(action: string, diff: unknown, ctx: ChangeContext): AuditChange[] {
  if (!isObject(diff)) return [];
  // What a deleted record was is its "before"; everything else is recorded as it is now.
  const removed = action.endsWith(".deleted");
  const changes: AuditChange[] = [];
  const { from, to, ...rest } = diff;
  const topLevelPair = "from" in diff || "to" in diff;
  if (topLevelPair && (isObject(from) || isObject(to))) {
    const before = isObject(from) ? from : {};
    const after = isObject(to) ? to : {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      // Writers store both sides whole; only what differs is a change.
      if (!HIDDEN_FIELDS.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes.push(pair(key, before[key], after[key], ctx));
    }
  } else if (topLevelPair) {
    const subject = SUBJECT[action] ?? (action.startsWith("alert.") ? { field: "status" } : { field: "value" });
    changes.push(pair(subject.field, from, to, ctx, subject.kind));
  }
  for (const [key, value] of Object.entries(topLevelPair ? rest : diff)) {
    if (HIDDEN_FIELDS.has(key)) continue;
    if (key === "target" && isObject(value) && (typeof value.ids === "number" || isObject(value.filter))) {
      // A bulk action's selection: so many chosen cases, or the cases matching a filter.
      const text = typeof value.ids === "number" ? `${value.ids.toLocaleString("en")} selected` : caseFilterFields(value.filter as Record<string, unknown>, ctx).map((f) => `${f.label}: ${f.value}`).join("; ");
      changes.push({ field: key, label: "Cases", before: null, after: text.startsWith("Cases: ") ? text.slice(7) : text, changed: false });
      continue;
    }
    if (key === "changes" && isObject(value)) {
      // What a bulk action set, one line each (what it left alone is not listed).
      for (const [inner, v] of Object.entries(value)) {
        if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
        changes.push(recorded(inner, v, ctx, false));
      }
      continue;
    }
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === "filter" && isObject(value)) {
      // A case-list filter (exports, bulk updates): only what narrows the list, in words.
      const text = caseFilterFields(value, ctx).map((f) => `${f.label}: ${f.value}`).join("; ");
      changes.push({ field: key, label: "Cases", before: null, after: text.startsWith("Cases: ") ? text.slice(7) : text, changed: false });
      continue;
    }
    changes.push(isFromTo(value) ? pair(key, value.from, value.to, ctx) : recorded(key, value, ctx, removed));
  }
  return changes;
}

/** Every id a diff refers to, with its kind: what must be named before auditChanges runs. */
export function idsInDiff(action: string, diff: unknown): { kind: RecordKind; id: string }[] {
  const found: { kind: RecordKind; id: string }[] = [];
  const collect = (value: unknown, kind: RecordKind | undefined) => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, kind));
    else if (typeof value === "string" && kind) found.push({ kind, id: value });
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) collect(v, ID_FIELDS[k] ?? (k === "from" || k === "to" ? kind : undefined));
  };
  collect(diff, SUBJECT[action]?.kind);
  return found;
}

/** "::ffff:203.0.113.9" (an IPv4 address as IPv6 sockets report it) → "203.0.113.9". */
export function normaliseIp(ip: string | null): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip.trim());
  return mapped ? mapped[1]! : ip.trim();
}
