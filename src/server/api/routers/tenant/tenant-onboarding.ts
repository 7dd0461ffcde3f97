import { tenantProcedure } from "@/server/api/trpc";
import { onboardingOutput, onboardingProgress } from "@/server/services/onboarding/onboarding";

/** The first-steps checklist: each step judged from the tenant's data. */
export const tenantOnboarding = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/tenant/onboarding" } })
  .output(onboardingOutput)
  .query(({ ctx }) => onboardingProgress(ctx.db));
