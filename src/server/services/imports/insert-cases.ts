// One batch of imported cases and their "created" timeline events in a single statement. Set-based
// SQL (unnest of one array per column) instead of Prisma's createManyAndReturn: building and
// decoding a 500-row Prisma payload cost about a millisecond per row, several times the database's
// own work. Ids are UUIDv7 like the app's (built as in seed/bulk-cases.ts), values are bound
// parameters, and the tenant's RLS applies as for any statement of the transaction.
import type { Actor } from "@/server/context/request-context";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";

export interface CaseInsertRow {
  title: string;
  description: string;
  channel: string;
  priority: string;
  status: string;
  tags: string[];
  category: string | null;
  businessUnit: string | null;
  customerId: string | null;
  assigneeId: string | null;
  importKey: string;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

const UUID7 = Prisma.sql`(lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
          || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid`;

/** Inserts the rows whose import key is free (ON CONFLICT DO NOTHING) and returns how many were. */
export async function insertImportedCases(
  db: TenantDb,
  ctx: { tenantId: string; createdById: string | null; actor: Actor; now: Date },
  rows: CaseInsertRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: CaseInsertRow) => T) => rows.map(pick);
  const [result] = await db.$queryRaw<{ n: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((r) => r.title)}::text[], ${col((r) => r.description)}::text[], ${col((r) => r.channel)}::text[],
        ${col((r) => r.priority)}::text[], ${col((r) => r.status)}::text[], ${col((r) => JSON.stringify(r.tags))}::text[],
        ${col((r) => r.category)}::text[], ${col((r) => r.businessUnit)}::text[], ${col((r) => r.customerId)}::uuid[],
        ${col((r) => r.assigneeId)}::uuid[], ${col((r) => r.importKey)}::text[], ${col((r) => r.resolvedAt)}::timestamptz[],
        ${col((r) => r.closedAt)}::timestamptz[], ${col((r) => r.firstResponseDueAt)}::timestamptz[],
        ${col((r) => r.resolutionDueAt)}::timestamptz[]
      ) WITH ORDINALITY AS t(title, description, channel, priority, status, tags, category, business_unit, customer_id,
                             assignee_id, import_key, resolved_at, closed_at, first_response_due_at, resolution_due_at, ord)
    ),
    inserted AS (
      INSERT INTO cases (id, tenant_id, title, description, channel, priority, status, tags, category, business_unit,
                         customer_id, assignee_id, created_by_id, import_key, created_at, updated_at, resolved_at,
                         closed_at, first_response_due_at, resolution_due_at)
      SELECT ${UUID7}, ${ctx.tenantId}::uuid, i.title, i.description, i.channel::"CaseChannel", i.priority::"CasePriority",
             i.status::"CaseStatus", ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)), i.category, i.business_unit,
             i.customer_id, i.assignee_id, ${ctx.createdById}::uuid, i.import_key, ${ctx.now}, ${ctx.now},
             i.resolved_at, i.closed_at, i.first_response_due_at, i.resolution_due_at
        FROM input i ORDER BY i.ord
      ON CONFLICT (tenant_id, import_key) DO NOTHING
      RETURNING id, status, priority
    ),
    events AS (
      INSERT INTO case_events (id, tenant_id, case_id, type, actor_type, actor_id, "to", created_at)
      SELECT ${UUID7}, ${ctx.tenantId}::uuid, c.id, 'created', ${ctx.actor.type}, ${ctx.actor.id},
             jsonb_build_object('status', c.status, 'priority', c.priority, 'imported', true), ${ctx.now}
        FROM inserted c
    )
    SELECT count(*)::int AS n FROM inserted`;
  return result?.n ?? 0;
}
