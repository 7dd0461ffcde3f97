// Every tenant of the deployment, newest first, with a name/slug search and a status filter.
// Ids are UUIDv7 (time-ordered), so `id < cursor` pages in creation order without a second key.
import type { z } from "zod";
import type { adminListTenantsSchema } from "@/lib/validations/admin";
import type { Prisma } from "@/server/db/generated/client";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { adminTenantSelect, toSummary, type AdminTenantSummary } from "./tenant-summary";

export async function listTenants(
  db: PrivilegedDb,
  input: z.output<typeof adminListTenantsSchema>,
): Promise<{ items: AdminTenantSummary[]; nextCursor: string | null }> {
  const where: Prisma.TenantWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.search
      ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { slug: { contains: input.search.toLowerCase() } }] }
      : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db.tenant.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1, select: adminTenantSelect });
  const page = rows.slice(0, input.limit);
  return { items: page.map(toSummary), nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}
