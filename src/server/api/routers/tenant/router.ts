import { createTRPCRouter } from "@/server/api/trpc";
import { currentTenant } from "./current-tenant";
import { myTenants } from "./my-tenants";

export const tenantRouter = createTRPCRouter({
  current: currentTenant,
  mine: myTenants,
});
