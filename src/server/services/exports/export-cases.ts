// Cases matching a list filter (the same SQL as the list, its counts and bulk actions) written
// to CSV in keyset batches on id, one short tenant transaction per batch. Cells a spreadsheet
// would run as a formula are neutralised by the CSV writer.
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { Caller } from "@/server/services/cases/actor";
import { caseFilterConditions, whereSql } from "@/server/services/cases/case-filter-sql";
import { CsvFileWriter } from "@/server/services/csv/writer";

export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_COLUMNS = [
  "number",
  "title",
  "status",
  "priority",
  "channel",
  "category",
  "businessUnit",
  "tags",
  "assigneeEmail",
  "customerName",
  "createdAt",
  "updatedAt",
  "resolutionDueAt",
  "description",
] as const;

interface ExportRow {
  id: string;
  number: number;
  title: string;
  status: string;
  priority: string;
  channel: string;
  category: string | null;
  business_unit: string | null;
  tags: string[];
  assignee_email: string | null;
  customer_name: string | null;
  created_at: Date;
  updated_at: Date;
  resolution_due_at: Date | null;
  description: string;
}

const toCells = (r: ExportRow): string[] =>
  [
    String(r.number),
    r.title,
    r.status,
    r.priority,
    r.channel,
    r.category ?? "",
    r.business_unit ?? "",
    r.tags.join(", "),
    r.assignee_email ?? "",
    r.customer_name ?? "",
    r.created_at.toISOString(),
    r.updated_at.toISOString(),
    r.resolution_due_at?.toISOString() ?? "",
    r.description,
  ];

export async function exportCases(
  run: <T>(fn: (db: TenantDb) => Promise<T>) => Promise<T>,
  caller: Caller,
  filter: CaseListQuery,
  options: { signal?: AbortSignal; onBatch?: (rows: number) => void; batchSize?: number } = {},
): Promise<CsvFileWriter> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const writer = new CsvFileWriter([...EXPORT_COLUMNS]);
  let afterId: string | null = null;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const cursor: string | null = afterId;
      const rows: ExportRow[] = await run(async (db): Promise<ExportRow[]> => {
        const base = caseFilterConditions(filter, { tenantId: requireTenantId(), userId: caller.userId }, filter.tab);
        const conditions: Prisma.Sql[] = cursor ? [...base, Prisma.sql`c.id > ${cursor}::uuid`] : base;
        // Users are not tenant-owned: the assignee's email comes through their membership of this tenant.
        return db.$queryRaw<ExportRow[]>`
          SELECT c.id::text AS id, c.number, c.title, c.status::text AS status, c.priority::text AS priority,
                 c.channel::text AS channel, c.category, c.business_unit, c.tags, u.email AS assignee_email,
                 cu.name AS customer_name, c.created_at, c.updated_at, c.resolution_due_at, c.description
            FROM cases c
            LEFT JOIN memberships m ON m.tenant_id = c.tenant_id AND m.user_id = c.assignee_id
            LEFT JOIN users u ON u.id = m.user_id
            LEFT JOIN customers cu ON cu.id = c.customer_id AND cu.tenant_id = c.tenant_id
            ${whereSql(conditions)}
           ORDER BY c.id
           LIMIT ${batchSize}`;
      });
      for (const row of rows) await writer.write(toCells(row));
      options.onBatch?.(writer.rows);
      if (rows.length < batchSize) break;
      afterId = rows.at(-1)!.id;
    }
    return writer;
  } catch (error) {
    await writer.discard().catch(() => undefined);
    throw error;
  }
}
