// A signed-in user changes their password. The current one is required (a session left open on
// a shared machine must not be enough); the session epoch is bumped, so every session, this one
// included, is refused from the next request: the form signs in again with the new password.
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import { auditInEveryTenant } from "./account-audit";
import { invalidateAuth } from "@/server/auth/auth-cache";

export async function changePassword(userId: string, input: { currentPassword: string; newPassword: string }, now = new Date()) {
  const current = await withPrivilegedDb("read password hash", (db) =>
    db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
  );
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "The current password is not right", {
      reason: "WRONG_PASSWORD",
      fieldErrors: { currentPassword: ["Not your current password"] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return withPrivilegedDb("change password", async (db) => {
    const user = await db.user.update({
      where: { id: userId },
      data: { passwordHash, sessionEpoch: { increment: 1 } },
      select: { sessionEpoch: true },
    });
    invalidateAuth({ userId });
    // Open reset links were asked for under the old password: they die with it.
    await db.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await auditInEveryTenant(db, userId, "account.password_changed");
    return { sessionEpoch: user.sessionEpoch };
  });
}
