import { callerOf } from "@/server/api/caller";
import type { Permission } from "@/server/auth/permissions";
import type { CannedCaller } from "@/server/services/canned-responses/canned-responses";

export function cannedCallerOf(ctx: Parameters<typeof callerOf>[0] & { permissions: ReadonlySet<Permission> }): CannedCaller {
  return { userId: callerOf(ctx).userId, canManageShared: ctx.permissions.has("settings:manage") };
}
