import { adminTenantStatusSchema } from "@/lib/validations/admin";
import { platformAdminProcedure } from "@/server/api/trpc";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { setTenantStatus, tenantStatusOutput } from "@/server/services/admin/set-tenant-status";

/** Every member and API key of the tenant is refused from the next call on. */
export const suspendTenant = platformAdminProcedure
  .input(adminTenantStatusSchema)
  .output(tenantStatusOutput)
  .mutation(({ ctx, input }) => withPrivilegedDb("platform admin: suspend tenant", (db) => setTenantStatus(db, ctx.admin.id, input, "SUSPENDED")));
