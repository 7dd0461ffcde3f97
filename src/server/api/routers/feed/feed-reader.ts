// Who reads the feed, from a tenant procedure's context. An API key reads as the member it acts
// for (their teams), with its own effective role; an operator's key has no member, so no teams.
import type { Permission } from "@/server/auth/permissions";
import type { ApiKeyPrincipal } from "@/server/auth/api-keys";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role } from "@/server/db/generated/enums";
import type { FeedReader } from "@/server/services/feed/feed-audience";

interface FeedCallContext {
  user: SessionUser | null;
  principal: ApiKeyPrincipal | null;
  role: Role;
  permissions: ReadonlySet<Permission>;
}

export function feedReaderOf(ctx: FeedCallContext): FeedReader {
  return {
    userId: ctx.principal ? ctx.principal.authorityUserId : (ctx.user?.id ?? null),
    role: ctx.role,
    canManage: ctx.permissions.has("feed:manage"),
  };
}
