import { createTRPCRouter } from "@/server/api/trpc";
import { cancelTenantDeletion } from "./cancel-tenant-deletion";
import { currentTenant } from "./current-tenant";
import { dismissOnboarding } from "./dismiss-onboarding";
import { myTenants } from "./my-tenants";
import { renameChoice } from "./rename-choice";
import { scheduleTenantDeletion } from "./schedule-tenant-deletion";
import { tenantOnboarding } from "./tenant-onboarding";
import { tenantOverview } from "./tenant-overview";
import { tenantPulse } from "./tenant-pulse";
import { updateTenant } from "./update-tenant";
import { updateTenantSettings } from "./update-tenant-settings";

export const tenantRouter = createTRPCRouter({
  current: currentTenant,
  mine: myTenants,
  overview: tenantOverview,
  pulse: tenantPulse,
  onboarding: tenantOnboarding,
  dismissOnboarding,
  update: updateTenant,
  updateSettings: updateTenantSettings,
  renameChoice,
  scheduleDeletion: scheduleTenantDeletion,
  cancelDeletion: cancelTenantDeletion,
});
