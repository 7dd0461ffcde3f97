import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { listTeams as listTeamsService, teamOutput } from "@/server/services/teams/team-select";

/** Every member sees the teams, with who is in them, available and online (for assignment). */
export const listTeams = tenantProcedure("members:read")
  .meta({ openapi: { method: "GET", path: "/teams" } })
  .output(z.array(teamOutput))
  .query(({ ctx }) => listTeamsService(ctx.db));
