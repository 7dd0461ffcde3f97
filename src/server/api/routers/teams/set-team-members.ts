import { setTeamMembersSchema } from "@/lib/validations/team";
import { tenantProcedure } from "@/server/api/trpc";
import { setTeamMembers as setTeamMembersService } from "@/server/services/teams/team-members";
import { teamOutput } from "@/server/services/teams/team-select";

/** The whole member list at once, so two admins editing it never half-merge their lists. */
export const setTeamMembers = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PUT", path: "/teams/{id}/members" } })
  .input(setTeamMembersSchema)
  .output(teamOutput)
  .mutation(({ ctx, input }) => setTeamMembersService(ctx.db, input));
