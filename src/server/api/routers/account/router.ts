import { createTRPCRouter } from "@/server/api/trpc";
import { changePassword } from "./change-password";
import { profile } from "./profile";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signOutEverywhere } from "./sign-out-everywhere";
import { updateProfile } from "./update-profile";

export const accountRouter = createTRPCRouter({
  requestPasswordReset,
  resetPassword,
  changePassword,
  signOutEverywhere,
  profile,
  updateProfile,
});
