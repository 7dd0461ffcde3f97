// What a team looks like to callers: its settings and its members, each with whether they take
// automatic assignments (available) and whether they are online right now.
import { z } from "zod";
import { caseChannelSchema } from "@/lib/validations/case";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { onlineUserIds } from "@/server/realtime/online";

export const teamSelect = {
  id: true,
  name: true,
  description: true,
  businessUnit: true,
  defaultChannel: true,
  autoAssign: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { userId: true, available: true, membership: { select: { user: { select: { name: true } } } } } },
} satisfies Prisma.TeamSelect;
type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export const teamMemberOutput = z.object({ id: z.string(), name: z.string(), available: z.boolean(), online: z.boolean() });

export const teamOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  businessUnit: z.string().nullable(),
  defaultChannel: caseChannelSchema.nullable(),
  autoAssign: z.boolean(),
  /** By name. */
  members: z.array(teamMemberOutput),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TeamOutput = z.infer<typeof teamOutput>;

export function toTeam(row: TeamRow, online: ReadonlySet<string>): TeamOutput {
  const { members, ...team } = row;
  return {
    ...team,
    members: members
      .map((m) => ({ id: m.userId, name: m.membership.user.name, available: m.available, online: online.has(m.userId) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  };
}

/** The tenant's teams by name. */
export async function listTeams(db: TenantDb): Promise<TeamOutput[]> {
  const rows = await db.team.findMany({ select: teamSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const online = onlineUserIds(requireTenantId());
  return rows.map((row) => toTeam(row, online));
}

export async function loadTeam(db: TenantDb, id: string): Promise<TeamOutput> {
  const row = await db.team.findFirst({ where: { id }, select: teamSelect });
  if (!row) throw notFound("Team");
  return toTeam(row, onlineUserIds(requireTenantId()));
}

/** A team of this tenant; another tenant's team id is NOT_FOUND like one that never existed. */
export async function requireTeam(db: TenantDb, id: string): Promise<{ id: string; name: string; autoAssign: boolean }> {
  const team = await db.team.findFirst({ where: { id }, select: { id: true, name: true, autoAssign: true } });
  if (!team) throw notFound("Team");
  return team;
}
