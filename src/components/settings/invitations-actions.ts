"use server";
// Invitation mutations from the settings page: the same procedures scripts call. The link comes
// back to the page so an admin can copy it when no mail was sent.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { CreateInvitationInput } from "@/lib/validations/invitation";
import { runAction } from "@/server/actions/run-action";
import { api } from "@/trpc/server";

export interface IssuedLink {
  email: string;
  url: string;
  delivered: boolean;
}

export async function createInvitationAction(slug: string, values: CreateInvitationInput): Promise<ActionResult<IssuedLink>> {
  const result = await runAction(async () => {
    const { invitation, url, delivered } = await api.invitations.create(values);
    return { email: invitation.email, url, delivered };
  });
  revalidatePath(`/t/${slug}/settings/invitations`);
  return result;
}

export async function resendInvitationAction(slug: string, id: string): Promise<ActionResult<IssuedLink>> {
  const result = await runAction(async () => {
    const { invitation, url, delivered } = await api.invitations.resend({ id });
    return { email: invitation.email, url, delivered };
  });
  revalidatePath(`/t/${slug}/settings/invitations`);
  return result;
}

export async function revokeInvitationAction(slug: string, id: string): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => ({ id: (await api.invitations.revoke({ id })).id }));
  revalidatePath(`/t/${slug}/settings/invitations`);
  return result;
}
