import { createTRPCRouter } from "@/server/api/trpc";
import { cancelTenantDeletion } from "./cancel-tenant-deletion";
import { currentTenant } from "./current-tenant";
import { myTenants } from "./my-tenants";
import { scheduleTenantDeletion } from "./schedule-tenant-deletion";
import { tenantOverview } from "./tenant-overview";
import { tenantPulse } from "./tenant-pulse";
import { updateTenant } from "./update-tenant";
import { updateTenantSettings } from "./update-tenant-settings";

export const tenantRouter = createTRPCRouter({
  current: currentTenant,
  mine: myTenants,
  overview: tenantOverview,
  pulse: tenantPulse,
  update: updateTenant,
  updateSettings: updateTenantSettings,
  scheduleDeletion: scheduleTenantDeletion,
  cancelDeletion: cancelTenantDeletion,
});
