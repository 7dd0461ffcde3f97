import { createTRPCRouter } from "@/server/api/trpc";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { listInvitations } from "./list-invitations";
import { previewInvitation } from "./preview-invitation";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { signUpWithInvitation } from "./sign-up-with-invitation";

export const invitationsRouter = createTRPCRouter({
  list: listInvitations,
  create: createInvitation,
  resend: resendInvitation,
  revoke: revokeInvitation,
  preview: previewInvitation,
  accept: acceptInvitation,
  signUp: signUpWithInvitation,
});
