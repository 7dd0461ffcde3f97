import { createTRPCRouter } from "@/server/api/trpc";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { updateMemberRole } from "./update-member-role";

export const membersRouter = createTRPCRouter({
  list: listMembers,
  updateRole: updateMemberRole,
  remove: removeMember,
});
