"use server";
import type { ActionResult } from "@/lib/action-result";
import type { SignUpInput } from "@/lib/validations/auth";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function signUpAction(values: SignUpInput): Promise<ActionResult<{ message: string }>> {
  return runAction(() => api.auth.signUp(values));
}
