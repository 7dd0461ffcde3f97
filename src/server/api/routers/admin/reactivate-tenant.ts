import { adminTenantStatusSchema } from "@/lib/validations/admin";
import { platformAdminProcedure } from "@/server/api/trpc";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { setTenantStatus, tenantStatusOutput } from "@/server/services/admin/set-tenant-status";

export const reactivateTenant = platformAdminProcedure
  .input(adminTenantStatusSchema)
  .output(tenantStatusOutput)
  .mutation(({ ctx, input }) => withPrivilegedDb("platform admin: reactivate tenant", (db) => setTenantStatus(db, ctx.admin.id, input, "ACTIVE")));
