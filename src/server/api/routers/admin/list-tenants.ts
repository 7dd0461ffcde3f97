import { z } from "zod";
import { adminListTenantsSchema } from "@/lib/validations/admin";
import { platformAdminProcedure } from "@/server/api/trpc";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { listTenants as listTenantsService } from "@/server/services/admin/list-tenants";
import { adminTenantSummary } from "@/server/services/admin/tenant-summary";

export const listTenants = platformAdminProcedure
  .input(adminListTenantsSchema)
  .output(z.object({ items: z.array(adminTenantSummary), nextCursor: z.string().nullable() }))
  .query(({ input }) => withPrivilegedDb("platform admin: list tenants", (db) => listTenantsService(db, input)));
