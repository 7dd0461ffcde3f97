// Jobs as people read them: "Export of 34 cases", "Import of customers.csv", who started them,
// their settings and outcome as labelled fields (ids replaced by names), and errors in words.
// Pure: names are resolved first (record-names.ts) and handed in through `ctx`.
import { caseFilterFields, fieldLabel, formatValue, ID_FIELDS, type ChangeContext } from "@/server/services/audit-log/audit-changes";
import type { RecordKind, RecordRef } from "@/server/services/audit-log/record-names";

export interface JobFacts {
  type: string;
  status: string;
  payload: unknown;
  result: unknown;
}

export interface LabelledField {
  label: string;
  value: string;
}

export interface JobDownload {
  label: string;
  fileId: string;
  filename: string;
}

export interface JobDescription {
  title: string;
  fields: LabelledField[];
  resultFields: LabelledField[];
  downloads: JobDownload[];
}

export interface JobContext extends ChangeContext {
  /** The label and detail of a record that exists (and is this tenant's), else undefined. */
  find: (kind: RecordKind, id: string) => { label: string; detail: string | null } | undefined;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : {});
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Names of job types without anything to count, and the noun an error sentence starts with. */
const TYPE_NAMES: Readonly<Record<string, { title: string; noun?: string }>> = {
  "exports.cases": { title: "Export of cases", noun: "The export" },
  "exports.report": { title: "Export of a report", noun: "The export" },
  "insights.rollups-tenant": { title: "Counting cases into the reports", noun: "The counting" },
  "insights.rollups": { title: "Counting cases into the reports (all organisations)" },
  "imports.run": { title: "Import", noun: "The import" },
  "cases.bulk-update": { title: "Bulk update of cases", noun: "The bulk update" },
  "customers.rotate-encryption": { title: "Re-encryption of customer contact details", noun: "The re-encryption" },
  "notifications.mail": { title: "Notification emails", noun: "Sending the emails" },
  "attachment.scan": { title: "Malware scan of an attachment", noun: "The scan" },
  "chat.reply-mail": { title: "Mailing chat replies to a visitor who left", noun: "Sending the mail" },
  "notifications.digest-tenant": { title: "Notification digest emails", noun: "Sending the digests" },
  "notifications.digest": { title: "Scheduling notification digests" },
  "cases.escalate-by-rules-tenant": { title: "Escalation rules check" },
  "cases.escalate-by-rules": { title: "Escalation rules check (all organisations)" },
  "alerts.evaluate-rules-tenant": { title: "Alert rules check" },
  "alerts.evaluate-rules": { title: "Alert rules check (all organisations)" },
  "cases.wake-snoozed-tenant": { title: "Waking snoozed cases" },
  "cases.wake-snoozed": { title: "Waking snoozed cases (all organisations)" },
  "audit.checkpoint": { title: "Audit log checkpoint" },
  "api-keys.purge": { title: "Removal of old revoked API keys" },
  "jobs.purge-finished": { title: "Removal of old finished jobs" },
  "tenants.purge-deleted": { title: "Removal of deleted organisations" },
  "files.purge-expired": { title: "Removal of expired files" },
  "feed.purge-expired": { title: "Removal of expired feed items" },
  "realtime.prune": { title: "Pruning of the live event log" },
};

/** A job type in words, for any type (unknown ones: "some-task.run" → "Some task run"). */
export function jobTypeName(type: string): string {
  return TYPE_NAMES[type]?.title ?? fieldLabel(type.replace(/[.-]/g, "_"));
}

/** Job types that run on a schedule rather than at someone's request. */
const SCHEDULED = new Set([
  "cases.escalate-by-rules-tenant",
  "alerts.evaluate-rules-tenant",
  "cases.wake-snoozed-tenant",
  "notifications.digest-tenant",
]);

/** Who asked for the job: the member or API key named in its payload, else the system. */
export function jobStarter(job: Pick<JobFacts, "type" | "payload">): { type: "user" | "apiKey" | "system"; id: string | null; scheduled: boolean } {
  const payload = obj(job.payload);
  const actor = obj(payload.actor);
  if ((actor.type === "user" || actor.type === "apiKey") && typeof actor.id === "string") return { type: actor.type, id: actor.id, scheduled: false };
  const createdById = str(payload.createdById);
  if (createdById) return { type: "user", id: createdById, scheduled: false };
  return { type: "system", id: null, scheduled: SCHEDULED.has(job.type) };
}

/** Every record a job's payload and result refer to, to be named before describeJob runs. */
export function jobRefs(job: JobFacts): RecordRef[] {
  const refs: RecordRef[] = [];
  const collect = (value: unknown, kind?: RecordKind) => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, kind));
    else if (typeof value === "string" && kind) refs.push({ kind, id: value });
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) collect(v, ID_FIELDS[k]);
  };
  collect(job.payload);
  collect(job.result);
  const starter = jobStarter(job);
  if (starter.id) refs.push({ kind: starter.type === "apiKey" ? "api_key" : "user", id: starter.id });
  return refs;
}

/** Fields of any object, for job types without a description of their own. */
function genericFields(value: unknown, ctx: JobContext): LabelledField[] {
  return Object.entries(obj(value))
    .filter(([k]) => k !== "actor" && k !== "caller")
    .map(([k, v]) => ({ label: fieldLabel(k), value: formatValue(v, ctx, ID_FIELDS[k]) }))
    .filter((f): f is LabelledField => f.value !== null);
}

function download(label: string, fileId: unknown, ctx: JobContext): JobDownload[] {
  const id = str(fileId);
  const file = id ? ctx.find("file", id) : undefined;
  return id && file ? [{ label, fileId: id, filename: file.label }] : [];
}

function describeExport(job: JobFacts, ctx: JobContext): JobDescription {
  const payload = obj(job.payload);
  const result = obj(job.result);
  const rows = num(result.rows);
  const expected = num(payload.expected);
  const count = rows ?? expected;
  const fileId = str(result.fileId);
  return {
    title: count === undefined ? "Export of cases" : `Export of ${plural(count, "case")}`,
    fields: [{ label: "Format", value: "CSV" }, ...caseFilterFields(obj(payload.filter), ctx)],
    resultFields:
      rows === undefined
        ? []
        : [
            { label: "Rows", value: rows.toLocaleString("en") },
            { label: "File", value: fileId ? (ctx.find("file", fileId)?.label ?? "No longer available (exports are kept for a limited time)") : "—" },
          ],
    downloads: download("Download CSV", fileId, ctx),
  };
}

function describeReportExport(job: JobFacts, ctx: JobContext): JobDescription {
  const query = obj(obj(job.payload).query);
  const result = obj(job.result);
  const fileId = str(result.fileId);
  const range = [str(query.from), str(query.to)].filter(Boolean).join(" to ") || "the last 30 days";
  return {
    title: "Export of a report",
    fields: [
      { label: "Format", value: "CSV" },
      { label: "Range", value: range },
      { label: "Split by", value: str(query.groupBy) ?? "channel" },
    ],
    resultFields: fileId ? [{ label: "File", value: ctx.find("file", fileId)?.label ?? "No longer available (exports are kept for a limited time)" }] : [],
    downloads: download("Download CSV", fileId, ctx),
  };
}

const ENTITY_WORDS: Readonly<Record<string, string>> = { cases: "Cases", customers: "Customers" };

function describeImport(job: JobFacts, ctx: JobContext): JobDescription {
  const payload = obj(job.payload);
  const result = obj(job.result);
  const importId = str(payload.importId);
  const found = importId ? ctx.find("import", importId) : undefined;
  const resultFields: LabelledField[] = [];
  for (const [key, label] of [["totalRows", "Rows in the file"], ["importedRows", "Imported"], ["duplicateRows", "Duplicates skipped"], ["rejectedRows", "Rejected"]] as const) {
    const n = num(result[key]);
    if (n !== undefined) resultFields.push({ label, value: n.toLocaleString("en") });
  }
  return {
    title: found ? `Import of ${found.label}` : "Import of a file no longer kept",
    fields: [
      { label: "File", value: found?.label ?? "Deleted import" },
      ...(found?.detail ? [{ label: "Imports", value: ENTITY_WORDS[found.detail] ?? fieldLabel(found.detail) }] : []),
    ],
    resultFields,
    downloads: download("Download rejected rows", result.rejectsFileId, ctx),
  };
}

function describeBulkUpdate(job: JobFacts, ctx: JobContext): JobDescription {
  const payload = obj(job.payload);
  const input = obj(payload.input);
  const target = obj(input.target);
  const result = obj(job.result);
  const ids = Array.isArray(target.ids) ? target.ids.length : undefined;
  const count = num(result.matched) ?? ids ?? num(payload.expected);
  const fields: LabelledField[] = ids !== undefined ? [{ label: "Cases", value: `${plural(ids, "selected case")}` }] : caseFilterFields(obj(target.filter), ctx);
  if (input.assigneeId !== undefined) {
    fields.push({ label: "Assign to", value: input.assigneeId === null ? "Nobody (unassign)" : input.assigneeId === "me" ? "Whoever started the job" : ctx.name("user", String(input.assigneeId)) });
  }
  const status = obj(input.status);
  if (status.to) fields.push({ label: "Set status", value: `${formatValue(status.to, ctx)}${status.until ? ` until ${formatValue(status.until, ctx)}` : ""}` });
  if (input.priority) fields.push({ label: "Set priority", value: formatValue(input.priority, ctx) ?? "—" });
  if (Array.isArray(input.addTags) && input.addTags.length) fields.push({ label: "Add tags", value: input.addTags.join(", ") });
  if (Array.isArray(input.removeTags) && input.removeTags.length) fields.push({ label: "Remove tags", value: input.removeTags.join(", ") });
  const resultFields: LabelledField[] = [];
  for (const [key, label] of [["matched", "Cases matched"], ["updated", "Changed"], ["skipped", "Left as they were"]] as const) {
    const n = num(result[key]);
    if (n !== undefined) resultFields.push({ label, value: n.toLocaleString("en") });
  }
  const refused = Object.entries(obj(result.refusedByStatus)).filter(([, n]) => typeof n === "number" && n > 0);
  if (refused.length) resultFields.push({ label: "Refused (status change not allowed)", value: refused.map(([s, n]) => `${plural(n as number, "case")} ${formatValue(s, ctx)}`).join(", ") });
  return { title: count === undefined ? "Bulk update of cases" : `Bulk update of ${plural(count, "case")}`, fields, resultFields, downloads: [] };
}

function describeMail(job: JobFacts): JobDescription {
  const ids = obj(job.payload).ids;
  const n = Array.isArray(ids) ? ids.length : undefined;
  const sent = num(obj(job.result).sent);
  return {
    title: n === undefined ? "Notification emails" : `${plural(n, "notification email")}`,
    fields: n === undefined ? [] : [{ label: "Notifications", value: n.toLocaleString("en") }],
    resultFields: sent === undefined ? [] : [{ label: "Emails sent", value: sent.toLocaleString("en") }],
    downloads: [],
  };
}

/** Title, fields and downloads of one job. */
export function describeJob(job: JobFacts, ctx: JobContext): JobDescription {
  switch (job.type) {
    case "exports.cases":
      return describeExport(job, ctx);
    case "exports.report":
      return describeReportExport(job, ctx);
    case "imports.run":
      return describeImport(job, ctx);
    case "cases.bulk-update":
      return describeBulkUpdate(job, ctx);
    case "notifications.mail":
      return describeMail(job);
    default:
      return { title: jobTypeName(job.type), fields: genericFields(job.payload, ctx), resultFields: genericFields(job.result, ctx), downloads: [] };
  }
}

/** Errors the runner (not the job) writes, in words. */
const KNOWN_ERRORS: readonly [RegExp, string][] = [
  [/timed out/i, "took too long and was stopped"],
  [/stopped renewing its lease|lease lost/i, "was interrupted: the worker running it stopped responding"],
  [/Worker shutting down/i, "was interrupted because its worker shut down"],
  [/^Job cancelled/i, "was cancelled"],
  [/^Payload no longer valid/i, "could not run: its settings are no longer valid (something they refer to may have changed)"],
  [/^Unknown job type/i, "could not run: this kind of job is not available on this server"],
  [/tenant no longer exists/i, "could not run: the organisation no longer exists"],
  [/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|ECONNRESET|socket hang up/i, "failed: a service it needs could not be reached"],
];

/**
 * What went wrong, as a sentence ("The export took too long and was stopped. It will be tried
 * again."), or null when nothing did. The technical message stays in lastError and errorHistory.
 */
export function explainJobError(job: { type: string; status: string; lastError: string | null }): string | null {
  if (!job.lastError || job.status === "SUCCEEDED" || job.status === "PENDING" || job.status === "RUNNING") return null;
  const noun = TYPE_NAMES[job.type]?.noun ?? "The job";
  const known = KNOWN_ERRORS.find(([pattern]) => pattern.test(job.lastError!));
  let sentence: string;
  if (known) sentence = `${noun} ${known[1]}.`;
  else {
    const first = job.lastError.split("\n")[0]!.trim().replace(/^(Error|PermanentJobError|TypeError):\s*/, "");
    const short = first.length > 200 ? `${first.slice(0, 197)}…` : first;
    const text = short ? short[0]!.toUpperCase() + short.slice(1) : "No reason was given";
    sentence = `${noun} failed: ${/[.!?…]$/.test(text) ? text : `${text}.`}`;
  }
  if (job.status === "FAILED") return `${sentence} It will be tried again automatically.`;
  if (job.status === "DEAD") return `${sentence} It will not be tried again unless an admin retries it.`;
  return sentence;
}
