// Audit events as the log shows them: who (a member's name, an API key's name, "System"), on what
// ("#123 Printer jams", a team's name, "Deleted case"), the diff as before → after, the IP without
// its IPv6 wrapping. Names for a whole page come from one query (record-names.ts).
import { displayTimeZone } from "@/server/services/accounts/display-time-zone";
import { jobTypeName } from "@/server/services/jobs-view/describe-job";
import type { TenantDb } from "@/server/db/tenant-db";
import { auditChanges, idsInDiff, normaliseIp, type AuditChange } from "./audit-changes";
import { DELETED_LABEL, RECORD_KINDS, RecordNames, type RecordKind, type RecordRef } from "./record-names";

export interface AuditRow {
  action: string;
  actorType: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  diff: unknown;
}

export interface AuditActor {
  type: string;
  id: string | null;
  name: string;
  /** A member's email, "API key". */
  detail: string | null;
}

export interface AuditTarget {
  type: string;
  id: string | null;
  label: string;
  detail: string | null;
  /** The record is gone (or never was this tenant's). */
  deleted: boolean;
}

export type AuditView<R extends AuditRow> = R & { actor: AuditActor; target: AuditTarget | null; changes: AuditChange[] };

const isKind = (type: string | null): type is RecordKind => (RECORD_KINDS as readonly string[]).includes(type ?? "");

/** Targets without an id: the event is about many records, or about a collection. */
const COLLECTIONS: Readonly<Record<string, string>> = {
  case: "Cases",
  api_key: "API keys",
  alert: "Alerts",
  audit_log: "Audit log",
};

function actorRef(row: AuditRow): RecordRef | null {
  if (!row.actorId) return null;
  if (row.actorType === "user") return { kind: "user", id: row.actorId };
  if (row.actorType === "apiKey") return { kind: "api_key", id: row.actorId };
  return null;
}

export function actorOf(row: AuditRow, names: RecordNames): AuditActor {
  const base = { type: row.actorType, id: row.actorId };
  if (row.actorType === "user") {
    const user = row.actorId ? names.find("user", row.actorId) : undefined;
    return { ...base, name: user?.label ?? DELETED_LABEL.user, detail: user?.detail ?? null };
  }
  if (row.actorType === "apiKey") {
    const key = row.actorId ? names.find("api_key", row.actorId) : undefined;
    return { ...base, name: key?.label ?? DELETED_LABEL.api_key, detail: key ? `API key ${key.detail ?? ""}`.trim() : "API key" };
  }
  if (row.actorType === "platformAdmin") return { ...base, name: "Platform admin", detail: null };
  return { ...base, name: "System", detail: null };
}

/** How many records an event without a target id was about, where its diff says so. */
function collectionCount(row: AuditRow): number | undefined {
  const diff = (row.diff ?? {}) as Record<string, unknown>;
  for (const key of ["matched", "count"]) if (typeof diff[key] === "number") return diff[key];
  return undefined;
}

export function targetOf(row: AuditRow, names: RecordNames): AuditTarget | null {
  if (!row.targetType) return null;
  const base = { type: row.targetType, id: row.targetId };
  if (!row.targetId) {
    const n = collectionCount(row);
    const collection = COLLECTIONS[row.targetType] ?? row.targetType;
    return { ...base, label: n === undefined ? collection : `${n.toLocaleString("en")} ${collection.toLowerCase()}`, detail: null, deleted: false };
  }
  if (!isKind(row.targetType)) return { ...base, label: row.targetType, detail: null, deleted: false };
  const found = names.find(row.targetType, row.targetId);
  if (!found) return { ...base, label: DELETED_LABEL[row.targetType], detail: null, deleted: true };
  if (row.targetType === "job") return { ...base, label: jobTypeName(found.label), detail: null, deleted: false };
  if (row.targetType === "import") return { ...base, label: `Import of ${found.label}`, detail: found.detail, deleted: false };
  return { ...base, label: found.label, detail: row.targetType === "user" ? found.detail : null, deleted: false };
}

/** Every record a page of events names, for one query. */
export function auditRefs(rows: AuditRow[]): RecordRef[] {
  const refs: RecordRef[] = [];
  for (const row of rows) {
    const actor = actorRef(row);
    if (actor) refs.push(actor);
    if (row.targetId && isKind(row.targetType)) refs.push({ kind: row.targetType, id: row.targetId });
    refs.push(...idsInDiff(row.action, row.diff));
  }
  return refs;
}

export async function toAuditViews<R extends AuditRow>(db: TenantDb, rows: R[]): Promise<AuditView<R>[]> {
  if (rows.length === 0) return [];
  const [names, timeZone] = await Promise.all([RecordNames.load(db, auditRefs(rows)), displayTimeZone(db)]);
  const ctx = { name: names.label.bind(names), timeZone };
  return rows.map((row) => ({
    ...row,
    ip: normaliseIp(row.ip),
    actor: actorOf(row, names),
    target: targetOf(row, names),
    changes: auditChanges(row.action, row.diff, ctx),
  }));
}
