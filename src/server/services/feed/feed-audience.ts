// Who reads a feed item. EVERYONE: every member. BUSINESS_UNIT: members of a team of that unit.
// TEAM: that team's members. ROLE: members of that role or above (ROLE_RANK). The feed's managers
// (feed:manage) read every item, since they edit them. Nobody reads an expired item: it is gone
// for list and get alike, well before the hourly purge deletes its row.
import { audienceValueProblem, FEED_ROLES, type FeedAudienceKind } from "@/lib/validations/feed";
import { ROLE_RANK } from "@/server/auth/permissions";
import type { Prisma } from "@/server/db/generated/client";
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { requireTeam } from "@/server/services/teams/team-select";

export interface FeedReader {
  /** The member whose teams count: the signed-in member, or the member an API key acts for (null: an operator's key). */
  userId: string | null;
  /** The caller's role in the tenant (an API key's effective role). */
  role: Role;
  /** Holds feed:manage: reads every item, whatever its audience. */
  canManage: boolean;
}

/** Not expired at `now`. */
export const liveAt = (now: Date): Prisma.FeedItemWhereInput => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** The items `reader` may read at `now`, as a where clause (one read of their teams). */
export async function readableBy(db: TenantDb, reader: FeedReader, now: Date): Promise<Prisma.FeedItemWhereInput> {
  if (reader.canManage) return liveAt(now);
  const memberships = reader.userId
    ? await db.teamMember.findMany({ where: { userId: reader.userId }, select: { teamId: true, team: { select: { businessUnit: true } } } })
    : [];
  const teamIds = memberships.map((m) => m.teamId);
  const units = [...new Set(memberships.flatMap((m) => (m.team.businessUnit ? [m.team.businessUnit] : [])))];
  const roles = FEED_ROLES.filter((role) => ROLE_RANK[role] <= ROLE_RANK[reader.role]);
  return {
    AND: [
      liveAt(now),
      {
        OR: [
          { audienceKind: "EVERYONE" },
          { audienceKind: "TEAM", audienceValue: { in: teamIds } },
          { audienceKind: "BUSINESS_UNIT", audienceValue: { in: units } },
          { audienceKind: "ROLE", audienceValue: { in: roles } },
        ],
      },
    ],
  };
}

const invalidAudience = (message: string) => new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: { audienceValue: [message] } });

/**
 * The audience as it will be stored, checked against the tenant: a unit it lists, a team of its
 * own (another tenant's team is NOT_FOUND, like one that does not exist).
 */
export async function checkAudience(db: TenantDb, kind: FeedAudienceKind, value: string | null | undefined): Promise<string | null> {
  const problem = audienceValueProblem(kind, value);
  if (problem) throw invalidAudience(problem);
  if (kind === "BUSINESS_UNIT") {
    const { businessUnits } = await loadTenantSettings(db);
    if (!businessUnits.includes(value!)) {
      throw invalidAudience(businessUnits.length ? `Choose one of: ${businessUnits.join(", ")}` : "Add business units in the general settings first");
    }
  }
  if (kind === "TEAM") await requireTeam(db, value!);
  return kind === "EVERYONE" ? null : value!;
}
