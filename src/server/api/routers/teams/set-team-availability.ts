import { setTeamAvailabilitySchema } from "@/lib/validations/team";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { setTeamAvailability as setTeamAvailabilityService } from "@/server/services/teams/team-members";
import { teamOutput } from "@/server/services/teams/team-select";

/** Whether a member takes the team's automatic assignments: their own say, or an admin's. */
export const setTeamAvailability = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/teams/{id}/availability" } })
  .input(setTeamAvailabilitySchema)
  .output(teamOutput)
  .mutation(({ ctx, input }) =>
    setTeamAvailabilityService(ctx.db, { userId: callerOf(ctx).userId, canManage: ctx.permissions.has("settings:manage") }, input),
  );
