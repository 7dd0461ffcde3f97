import type { Role } from "@/server/db/generated/enums";
import type { ApiKeyPrincipal } from "@/server/auth/api-keys";
import type { SessionUser } from "@/server/auth/session-user";
import type { InvitingActor } from "@/server/services/invitations/manage-invitations";

/** The member (or API key) inviting: a key invites under its own role, no user name, and on its
 *  authority's behalf. */
export function invitingActor(ctx: { role: Role; user: SessionUser | null; principal: ApiKeyPrincipal | null }): InvitingActor {
  const user = ctx.principal ? null : ctx.user;
  const authorityUserId = ctx.principal ? ctx.principal.authorityUserId : (user?.id ?? null);
  return { role: ctx.role, userId: user?.id ?? null, name: user?.name ?? null, authorityUserId };
}

export function invitedByOf(actor: InvitingActor): { id: string; name: string } | null {
  return actor.userId ? { id: actor.userId, name: actor.name ?? "" } : null;
}
