// Platform administration: only a signed-in user whose platform_role is 'admin' at the moment of
// the call. The role is read again here (not taken from the session), so revoking it with
// `npm run platform:grant -- <email> --revoke` takes effect on the next call. API keys belong to
// one tenant and never qualify. Admin services audit in the affected tenant as actor "platformAdmin".
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import type { ApiKeyPrincipal } from "@/server/auth/api-keys";
import type { TRPCContext } from "../context";
import type { TRPCInstance } from "../trpc";

export const PLATFORM_ADMIN_ROLE = "admin";

export async function isPlatformAdmin(userId: string): Promise<boolean> {
  const user = await withPrivilegedDb("platform admin: check role", (db) =>
    db.user.findUnique({ where: { id: userId }, select: { platformRole: true } }),
  );
  return user?.platformRole === PLATFORM_ADMIN_ROLE;
}

export const platformAdminMiddleware = (t: TRPCInstance) =>
  t.middleware(async ({ ctx, next }) => {
    const c = ctx as TRPCContext & { principal: ApiKeyPrincipal | null };
    if (c.principal || !c.user) {
      throw new AppError("FORBIDDEN", "Platform administration needs a signed-in platform administrator", { reason: "NOT_PLATFORM_ADMIN" });
    }
    if (!(await isPlatformAdmin(c.user.id))) {
      throw new AppError("FORBIDDEN", "Platform administration needs a signed-in platform administrator", { reason: "NOT_PLATFORM_ADMIN" });
    }
    return next({ ctx: { ...c, admin: { id: c.user.id, email: c.user.email, name: c.user.name } } });
  });
