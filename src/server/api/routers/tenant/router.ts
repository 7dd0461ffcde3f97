import { createTRPCRouter } from "@/server/api/trpc";
import { currentTenant } from "./current-tenant";
import { myTenants } from "./my-tenants";
import { tenantOverview } from "./tenant-overview";

export const tenantRouter = createTRPCRouter({
  current: currentTenant,
  mine: myTenants,
  overview: tenantOverview,
});
