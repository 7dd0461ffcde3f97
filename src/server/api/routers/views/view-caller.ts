import { callerOf } from "@/server/api/caller";
import type { Permission } from "@/server/auth/permissions";
import type { ViewCaller } from "@/server/services/views/saved-views";

export function viewCallerOf(ctx: Parameters<typeof callerOf>[0] & { permissions: ReadonlySet<Permission> }): ViewCaller {
  return {
    userId: callerOf(ctx).userId,
    canManage: ctx.permissions.has("settings:manage"),
    canShare: ctx.permissions.has("cases:write"),
  };
}
