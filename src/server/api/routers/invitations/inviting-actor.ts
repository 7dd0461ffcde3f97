import type { Role } from "@/server/db/generated/enums";
import type { SessionUser } from "@/server/auth/session-user";
import type { InvitingActor } from "@/server/services/invitations/manage-invitations";

/** The member (or API key) inviting: a key invites under its own role and no user name. */
export function invitingActor(ctx: { role: Role; user: SessionUser | null; principal: unknown }): InvitingActor {
  const user = ctx.principal ? null : ctx.user;
  return { role: ctx.role, userId: user?.id ?? null, name: user?.name ?? null };
}

export function invitedByOf(actor: InvitingActor): { id: string; name: string } | null {
  return actor.userId ? { id: actor.userId, name: actor.name ?? "" } : null;
}
