// The caller of a personal-or-shared record's procedure (canned responses, macros).
import { callerOf } from "@/server/api/caller";
import type { Permission } from "@/server/auth/permissions";
import type { SharingCaller } from "@/server/services/sharing";

export function sharingCallerOf(ctx: Parameters<typeof callerOf>[0] & { permissions: ReadonlySet<Permission> }): SharingCaller {
  return { userId: callerOf(ctx).userId, canManageShared: ctx.permissions.has("settings:manage") };
}
