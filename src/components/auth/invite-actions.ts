"use server";
// The invitee's actions: accept while signed in, or create the account through the link.
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { InvitationSignUpInput } from "@/lib/validations/invitation";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export async function acceptInvitationAction(token: string): Promise<ActionResult<{ tenantSlug: string }>> {
  const result = await runAction(() => api.invitations.accept({ token }));
  if (result.ok) redirect(`/t/${result.data.tenantSlug}/cases`);
  return result;
}

export async function inviteSignUpAction(values: InvitationSignUpInput): Promise<ActionResult<{ tenantSlug: string; email: string }>> {
  return runAction(() => api.invitations.signUp(values));
}
