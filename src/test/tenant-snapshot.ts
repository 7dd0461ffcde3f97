// Everything a tenant owns, read the privileged way (so neither tenancy layer can hide a change):
// comparing two snapshots proves a call left the tenant untouched. The tables come from
// schema.prisma, so a new tenant-owned model is covered without touching this file.
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { tenantOwnedSchemaModels } from "./prisma-schema";

type Row = Record<string, unknown>;
type Delegate = { findMany(args: { where: { tenantId: string } }): Promise<Row[]> };

/** Model name → Prisma client property: "ApiKey" → "apiKey". */
const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1);

export interface TenantSnapshot {
  tenant: Row;
  /** Rows of each tenant-owned model, keyed by client property, in a stable order. */
  rows: Record<string, Row[]>;
}

export function snapshotTenant(tenantId: string): Promise<TenantSnapshot> {
  return withPrivilegedDb("test snapshot", async (db) => {
    const rows: Record<string, Row[]> = {};
    for (const model of tenantOwnedSchemaModels()) {
      const name = delegateName(model.name);
      const found = await (db as unknown as Record<string, Delegate>)[name]!.findMany({ where: { tenantId } });
      // Not every model has an id column; a canonical text form orders any row.
      // (BigInt columns, like files.size, have no JSON form of their own.)
      const text = (row: Row) => JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      rows[name] = found.sort((x, y) => (text(x) < text(y) ? -1 : 1));
    }
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    return { tenant, rows };
  });
}
