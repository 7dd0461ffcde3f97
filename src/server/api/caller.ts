// What services need to know about who calls, taken from a tenant procedure's context.
import type { Permission } from "@/server/auth/permissions";
import type { ApiKeyPrincipal } from "@/server/auth/api-keys";
import type { SessionUser } from "@/server/auth/session-user";
import type { Caller } from "@/server/services/cases/actor";

interface TenantCallContext {
  user: SessionUser | null;
  principal: ApiKeyPrincipal | null;
  permissions: ReadonlySet<Permission>;
}

export function callerOf(ctx: TenantCallContext): Caller {
  return { userId: ctx.principal ? null : (ctx.user?.id ?? null), canReadPii: ctx.permissions.has("pii:read") };
}
