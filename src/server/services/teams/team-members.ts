// Who is in a team, and who of them takes automatic assignments. Members must be members of the
// tenant who may work cases; someone who is not a member is NOT_FOUND, as for an assignee, so ids
// of other tenants' people reveal nothing.
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { emitEvents } from "@/server/realtime/emit";
import { loadTeam, requireTeam, type TeamOutput } from "./team-select";

export interface TeamCaller {
  /** The signed-in member; null for an API key. */
  userId: string | null;
  /** settings:manage: may change anyone's availability. */
  canManage: boolean;
}

/** The ids, without repeats, once each is a non-viewer member of this tenant. */
export async function requireTeamMemberIds(db: TenantDb, userIds: readonly string[], field: string): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return ids;
  const memberships = await db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, role: true } });
  if (memberships.length !== ids.length) throw notFound("Member");
  if (memberships.some((m) => m.role === "VIEWER")) {
    throw new AppError("BAD_REQUEST", "Viewers cannot join teams", { fieldErrors: { [field]: ["Viewers cannot join teams: they cannot work cases"] } });
  }
  return ids;
}

/** Replaces the member list: newcomers join available, those left out leave. */
export async function setTeamMembers(db: TenantDb, input: { id: string; userIds: string[] }): Promise<TeamOutput> {
  await requireTeam(db, input.id);
  const wanted = await requireTeamMemberIds(db, input.userIds, "userIds");
  const current = (await db.teamMember.findMany({ where: { teamId: input.id }, select: { userId: true } })).map((m) => m.userId);
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (removed.length) await db.teamMember.deleteMany({ where: { teamId: input.id, userId: { in: removed } } });
  if (added.length) {
    const tenantId = requireTenantId();
    await db.teamMember.createMany({ data: added.map((userId) => ({ tenantId, teamId: input.id, userId })) });
  }
  if (added.length || removed.length) {
    await recordAudit(db, { action: "team.members_changed", targetType: "team", targetId: input.id, diff: { added, removed } });
    emitEvents({ kind: "team.changed", entityId: input.id, data: { change: "members" } });
  }
  return loadTeam(db, input.id);
}

/** A member marks themselves (un)available in a team; admins may do it for anyone. */
export async function setTeamAvailability(
  db: TenantDb,
  caller: TeamCaller,
  input: { id: string; userId: string | "me"; available: boolean },
): Promise<TeamOutput> {
  await requireTeam(db, input.id);
  const userId = input.userId === "me" ? caller.userId : input.userId;
  if (!userId) throw new AppError("BAD_REQUEST", "An API key is no team member: name the member", { fieldErrors: { userId: ["Name the member"] } });
  if (userId !== caller.userId && !caller.canManage) {
    throw new AppError("FORBIDDEN", "Only admins change someone else's availability", { reason: "PERMISSION_DENIED" });
  }
  const member = await db.teamMember.findFirst({ where: { teamId: input.id, userId }, select: { available: true } });
  if (!member) throw notFound("Team member");
  if (member.available !== input.available) {
    await db.teamMember.update({ where: { tenantId_teamId_userId: { tenantId: requireTenantId(), teamId: input.id, userId } }, data: { available: input.available }, select: { userId: true } });
    await recordAudit(db, { action: "team.availability_changed", targetType: "team", targetId: input.id, diff: { userId, available: input.available } });
    emitEvents({ kind: "team.changed", entityId: input.id, data: { change: "availability" } });
  }
  return loadTeam(db, input.id);
}
