// Who a share reaches: the named members plus every member of the named teams, once each, never
// the sharer. Viewers may receive shares (reading is all a share asks of them). Ids that are not
// this tenant's members or teams are NOT_FOUND, exactly like ids that do not exist, so another
// tenant's people and teams reveal nothing.
import { z } from "zod";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";

export const shareRecipientOutput = z.object({ id: z.string(), name: z.string() });
export type ShareRecipient = z.infer<typeof shareRecipientOutput>;

export const shareResultOutput = z.object({
  /** Everyone the share reached (the sharer excluded), by name. */
  recipients: z.array(shareRecipientOutput),
});
export type ShareResult = z.infer<typeof shareResultOutput>;

export interface ResolvedRecipients {
  recipients: ShareRecipient[];
  /** The named teams, with the names they had when shared (the timeline keeps them). */
  teams: { id: string; name: string }[];
}

export async function resolveShareRecipients(
  db: TenantDb,
  input: { userIds: string[]; teamIds: string[] },
  sharerId: string | null,
): Promise<ResolvedRecipients> {
  const userIds = [...new Set(input.userIds)];
  const teamIds = [...new Set(input.teamIds)];
  const [members, teams] = await Promise.all([
    userIds.length ? db.membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true } }) : [],
    teamIds.length
      ? db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, members: { select: { userId: true } } }, orderBy: { name: "asc" } })
      : [],
  ]);
  if (members.length !== userIds.length) throw notFound("Member");
  if (teams.length !== teamIds.length) throw notFound("Team");

  const ids = [...new Set([...userIds, ...teams.flatMap((t) => t.members.map((m) => m.userId))])].filter((id) => id !== sharerId);
  if (ids.length === 0) {
    const message = userIds.length + teamIds.length === 0 ? "Choose at least one member or team" : "Choose someone other than yourself, or a team with members";
    throw new AppError("BAD_REQUEST", "Nobody to share with", { fieldErrors: { userIds: [message] } });
  }
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return { recipients: users, teams: teams.map((t) => ({ id: t.id, name: t.name })) };
}
