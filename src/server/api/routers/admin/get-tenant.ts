import { z } from "zod";
import { adminTenantIdSchema } from "@/lib/validations/admin";
import { platformAdminProcedure } from "@/server/api/trpc";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { getTenant as getTenantService } from "@/server/services/admin/get-tenant";
import { adminTenantSummary } from "@/server/services/admin/tenant-summary";

export const getTenant = platformAdminProcedure
  .input(adminTenantIdSchema)
  .output(
    adminTenantSummary.extend({
      owners: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
      oldSlugs: z.array(z.string()),
      pendingInvitations: z.number().int(),
    }),
  )
  .query(({ input }) => withPrivilegedDb("platform admin: read tenant", (db) => getTenantService(db, input.id)));
