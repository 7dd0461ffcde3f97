import { updateTeamSchema } from "@/lib/validations/team";
import { tenantProcedure } from "@/server/api/trpc";
import { updateTeam as updateTeamService } from "@/server/services/teams/manage-teams";
import { teamOutput } from "@/server/services/teams/team-select";

/** Name, description, business unit, default channel and automatic assignment; members have their own procedure. */
export const updateTeam = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/teams/{id}" } })
  .input(updateTeamSchema)
  .output(teamOutput)
  .mutation(({ ctx, input }) => updateTeamService(ctx.db, input));
