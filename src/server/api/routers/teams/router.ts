import { createTRPCRouter } from "@/server/api/trpc";
import { createTeam } from "./create-team";
import { deleteTeam } from "./delete-team";
import { listTeams } from "./list-teams";
import { setTeamAvailability } from "./set-team-availability";
import { setTeamMembers } from "./set-team-members";
import { updateTeam } from "./update-team";

export const teamsRouter = createTRPCRouter({
  list: listTeams,
  create: createTeam,
  update: updateTeam,
  delete: deleteTeam,
  setMembers: setTeamMembers,
  setAvailability: setTeamAvailability,
});
