import { createTRPCRouter } from "@/server/api/trpc";
import { changePassword } from "./change-password";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

export const accountRouter = createTRPCRouter({
  requestPasswordReset,
  resetPassword,
  changePassword,
});
