import { tenantProcedure } from "@/server/api/trpc";
import { pulseOutput, tenantPulse as tenantPulseService } from "@/server/services/overview/pulse";

/** The overview's live figures; polled, so it reads indexes only (services/overview/pulse-sql.ts). */
export const tenantPulse = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/tenant/pulse" } })
  .output(pulseOutput)
  .query(({ ctx }) => tenantPulseService(ctx.db, new Date()));
