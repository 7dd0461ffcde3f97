// Who may change whose membership. The server decides; the UI only hides what it knows is refused.
import type { Role } from "@/server/db/generated/enums";
import { ROLE_RANK } from "@/server/auth/permissions";
import { AppError } from "@/server/errors/app-error";
import type { TenantDb } from "@/server/db/tenant-db";

/** An actor may act on members at or below their own rank, and grant roles at or below it. */
export function assertCanManage(actorRole: Role, targetRole: Role, newRole?: Role): void {
  if (ROLE_RANK[targetRole] > ROLE_RANK[actorRole]) {
    throw new AppError("FORBIDDEN", `Only an ${targetRole.toLowerCase()} or above can change an ${targetRole.toLowerCase()}`);
  }
  if (newRole && ROLE_RANK[newRole] > ROLE_RANK[actorRole]) {
    throw new AppError("FORBIDDEN", `You cannot grant a role above your own (${actorRole})`, {
      fieldErrors: { role: ["Above your own role"] },
    });
  }
}

/** A tenant always keeps at least one owner. Call with the member about to stop being one. */
export async function assertAnotherOwnerRemains(db: TenantDb, userId: string): Promise<void> {
  const owners = await db.membership.count({ where: { role: "OWNER", userId: { not: userId } } });
  if (owners === 0) {
    throw new AppError("CONFLICT", "An organisation needs at least one owner: make someone else owner first", {
      reason: "LAST_OWNER",
    });
  }
}
