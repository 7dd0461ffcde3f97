import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { dismissOnboarding as dismissOnboardingService } from "@/server/services/onboarding/onboarding";

/** Hides the checklist for the whole tenant (whoever sets the organisation up decides). */
export const dismissOnboarding = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/tenant/onboarding/dismiss" } })
  .input(z.object({}).optional())
  .output(z.object({ dismissedAt: z.date() }))
  .mutation(async ({ ctx }) => ({ dismissedAt: await dismissOnboardingService(ctx.db, ctx.tenant.id, new Date()) }));
