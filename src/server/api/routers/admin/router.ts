import { createTRPCRouter } from "@/server/api/trpc";
import { createTenant } from "./create-tenant";
import { getTenant } from "./get-tenant";
import { listTenants } from "./list-tenants";
import { reactivateTenant } from "./reactivate-tenant";
import { suspendTenant } from "./suspend-tenant";

/** Platform administration: every procedure is a platformAdminProcedure (not tenant-scoped). */
export const adminRouter = createTRPCRouter({
  tenants: createTRPCRouter({
    list: listTenants,
    get: getTenant,
    create: createTenant,
    suspend: suspendTenant,
    reactivate: reactivateTenant,
  }),
});
