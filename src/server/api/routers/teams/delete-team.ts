import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteTeam as deleteTeamService } from "@/server/services/teams/manage-teams";

/** Its cases stay, without a team. */
export const deleteTeam = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "DELETE", path: "/teams/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteTeamService(ctx.db, input.id));
