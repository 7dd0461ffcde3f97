import { createTeamSchema } from "@/lib/validations/team";
import { tenantProcedure } from "@/server/api/trpc";
import { createTeam as createTeamService } from "@/server/services/teams/manage-teams";
import { teamOutput } from "@/server/services/teams/team-select";

export const createTeam = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/teams" } })
  .input(createTeamSchema)
  .output(teamOutput)
  .mutation(({ ctx, input }) => createTeamService(ctx.db, input));
