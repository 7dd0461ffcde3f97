"use server";
// Password reset and change: the same procedures as the API, called from the auth pages.
import type { ActionResult } from "@/lib/action-result";
import type { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput } from "@/lib/validations/auth";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function requestPasswordResetAction(values: RequestPasswordResetInput): Promise<ActionResult<{ message: string }>> {
  return runAction(() => api.account.requestPasswordReset(values));
}

export async function resetPasswordAction(values: ResetPasswordInput): Promise<ActionResult<{ email: string }>> {
  return runAction(() => api.account.resetPassword(values));
}

export async function changePasswordAction(values: ChangePasswordInput): Promise<ActionResult<{ email: string }>> {
  return runAction(() => api.account.changePassword(values));
}
