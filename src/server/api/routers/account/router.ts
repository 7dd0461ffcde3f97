import { createTRPCRouter } from "@/server/api/trpc";
import { changePassword } from "./change-password";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signOutEverywhere } from "./sign-out-everywhere";

export const accountRouter = createTRPCRouter({
  requestPasswordReset,
  resetPassword,
  changePassword,
  signOutEverywhere,
});
