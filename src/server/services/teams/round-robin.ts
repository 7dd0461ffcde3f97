// Automatic assignment inside a team: the next member after the one who got the team's last case,
// in a stable order (by user id), among those marked available and online right now. The team's
// row is locked (FOR UPDATE) until the case's transaction commits, so two cases arriving at once
// go to two members instead of both reading the same pointer.
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { onlineUserIds } from "@/server/realtime/online";

/** Picks and records the next assignee of the team; null (pointer unchanged) when nobody can take it. */
export async function nextRoundRobinAssignee(db: TenantDb, teamId: string): Promise<string | null> {
  const [team] = await db.$queryRaw<{ last: string | null }[]>`
    SELECT last_assigned_user_id::text AS last FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
  if (!team) return null;
  const online = onlineUserIds(requireTenantId());
  if (online.size === 0) return null;
  const members = await db.teamMember.findMany({
    where: { teamId, available: true, userId: { in: [...online] }, membership: { role: { not: "VIEWER" } } },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  if (members.length === 0) return null;
  const next = (team.last ? members.find((m) => m.userId > team.last!) : undefined) ?? members[0]!;
  await db.team.update({ where: tenantKey(teamId), data: { lastAssignedUserId: next.userId }, select: { id: true } });
  return next.userId;
}
