// What people call the records that audit events and jobs point at: "#123 Printer jams" for a
// case, a member's name, an API key's name. Every reference of a page is answered by ONE query
// (a UNION ALL with one branch per kind present), inside the tenant's transaction: row-level
// security and the explicit tenant filter both keep another tenant's rows out, so an id that
// belongs elsewhere reads exactly like a deleted record.
import { Prisma } from "@/server/db/generated/client";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { TenantDb } from "@/server/db/tenant-db";

export const RECORD_KINDS = [
  "user",
  "api_key",
  "case",
  "customer",
  "team",
  "saved_view",
  "canned_response",
  "macro",
  "alert",
  "alert_rule",
  "escalation_rule",
  "feed_item",
  "file",
  "import",
  "invitation",
  "job",
  "tenant",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

export interface RecordName {
  /** What the UI shows: a name, "#123 Title", a file name. */
  label: string;
  /** A second line where one helps: a member's email, a key's prefix, an import's entity. */
  detail: string | null;
}

/** How a record that no longer exists (or was never this tenant's) is named. */
export const DELETED_LABEL: Record<RecordKind, string> = {
  user: "Former member",
  api_key: "Deleted API key",
  case: "Deleted case",
  customer: "Deleted customer",
  team: "Deleted team",
  saved_view: "Deleted view",
  canned_response: "Deleted canned response",
  macro: "Deleted macro",
  alert: "Deleted alert",
  alert_rule: "Deleted alert rule",
  escalation_rule: "Deleted escalation rule",
  feed_item: "Deleted feed item",
  file: "File no longer available",
  import: "Deleted import",
  invitation: "Deleted invitation",
  job: "Deleted job",
  tenant: "Deleted organisation",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

export const refKey = (kind: RecordKind, id: string) => `${kind}:${id.toLowerCase()}`;

/** One SELECT per kind, each answering (kind, id, label, detail) for ids of this tenant only. */
function branch(kind: RecordKind, tenantId: string, ids: string[]): Prisma.Sql {
  const t = Prisma.sql`${tenantId}::uuid`;
  const any = Prisma.sql`ANY(${ids}::uuid[])`;
  switch (kind) {
    case "user":
      return Prisma.sql`SELECT 'user', u.id::text, u.name, u.email
        FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ${t} AND m.user_id = ${any}`;
    case "api_key":
      return Prisma.sql`SELECT 'api_key', id::text, name, prefix FROM api_keys WHERE tenant_id = ${t} AND id = ${any}`;
    case "case":
      return Prisma.sql`SELECT 'case', id::text, '#' || number::text || ' ' || title, NULL FROM cases WHERE tenant_id = ${t} AND id = ${any}`;
    case "customer":
      return Prisma.sql`SELECT 'customer', id::text, name, company FROM customers WHERE tenant_id = ${t} AND id = ${any}`;
    case "team":
      return Prisma.sql`SELECT 'team', id::text, name, NULL FROM teams WHERE tenant_id = ${t} AND id = ${any}`;
    case "saved_view":
      return Prisma.sql`SELECT 'saved_view', id::text, name, NULL FROM saved_views WHERE tenant_id = ${t} AND id = ${any}`;
    case "canned_response":
      return Prisma.sql`SELECT 'canned_response', id::text, title, NULL FROM canned_responses WHERE tenant_id = ${t} AND id = ${any}`;
    case "macro":
      return Prisma.sql`SELECT 'macro', id::text, name, NULL FROM macros WHERE tenant_id = ${t} AND id = ${any}`;
    case "alert":
      return Prisma.sql`SELECT 'alert', id::text, title, NULL FROM alerts WHERE tenant_id = ${t} AND id = ${any}`;
    case "alert_rule":
      return Prisma.sql`SELECT 'alert_rule', id::text, name, NULL FROM alert_rules WHERE tenant_id = ${t} AND id = ${any}`;
    case "escalation_rule":
      return Prisma.sql`SELECT 'escalation_rule', id::text, name, NULL FROM escalation_rules WHERE tenant_id = ${t} AND id = ${any}`;
    case "feed_item":
      return Prisma.sql`SELECT 'feed_item', id::text, title, NULL FROM feed_items WHERE tenant_id = ${t} AND id = ${any}`;
    case "file":
      // An expired file can no longer be downloaded: it reads as gone.
      return Prisma.sql`SELECT 'file', id::text, filename, purpose FROM files
        WHERE tenant_id = ${t} AND id = ${any} AND (expires_at IS NULL OR expires_at > now())`;
    case "import":
      return Prisma.sql`SELECT 'import', i.id::text, f.filename, i.entity FROM imports i
        LEFT JOIN files f ON f.tenant_id = i.tenant_id AND f.id = i.file_id WHERE i.tenant_id = ${t} AND i.id = ${any}`;
    case "invitation":
      return Prisma.sql`SELECT 'invitation', id::text, email, role::text FROM invitations WHERE tenant_id = ${t} AND id = ${any}`;
    case "job":
      return Prisma.sql`SELECT 'job', id::text, type, status::text FROM jobs WHERE tenant_id = ${t} AND id = ${any}`;
    case "tenant":
      return Prisma.sql`SELECT 'tenant', id::text, name, slug FROM tenants WHERE id = ${t} AND id = ${any}`;
  }
}

/**
 * The names of `refs`, keyed by refKey(kind, id). Ids that are not UUIDs, or that no record of
 * this tenant has, are simply absent: callers show DELETED_LABEL for them.
 */
export async function resolveRecordNames(db: TenantDb, refs: Iterable<RecordRef>): Promise<Map<string, RecordName>> {
  const byKind = new Map<RecordKind, Set<string>>();
  for (const ref of refs) {
    if (!isUuid(ref.id)) continue;
    const ids = byKind.get(ref.kind) ?? new Set<string>();
    ids.add(ref.id.toLowerCase());
    byKind.set(ref.kind, ids);
  }
  const names = new Map<string, RecordName>();
  if (byKind.size === 0) return names;
  const tenantId = requireTenantId();
  const branches = [...byKind].map(([kind, ids]) => branch(kind, tenantId, [...ids]));
  const rows = await db.$queryRaw<{ kind: RecordKind; id: string; label: string | null; detail: string | null }[]>(
    // The outer names hold whichever branch comes first (a UNION takes its first branch's names).
    Prisma.sql`SELECT r.kind, r.id, r.label, r.detail FROM (${Prisma.join(branches, " UNION ALL ")}) AS r(kind, id, label, detail)`,
  );
  for (const row of rows) names.set(refKey(row.kind, row.id), { label: row.label ?? DELETED_LABEL[row.kind], detail: row.detail });
  return names;
}

/** A lookup over resolved names that falls back to "Deleted …" for anything missing. */
export class RecordNames {
  constructor(private readonly names: ReadonlyMap<string, RecordName>) {}

  static async load(db: TenantDb, refs: Iterable<RecordRef>): Promise<RecordNames> {
    return new RecordNames(await resolveRecordNames(db, refs));
  }

  find(kind: RecordKind, id: string): RecordName | undefined {
    return isUuid(id) ? this.names.get(refKey(kind, id)) : undefined;
  }

  label(kind: RecordKind, id: string): string {
    return this.find(kind, id)?.label ?? DELETED_LABEL[kind];
  }
}
