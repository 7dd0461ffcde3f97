// The invitations of a tenant, newest first, a keyset page at a time; status computed from the row.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/services/pagination/time-cursor";
import { invitationSelect, invitationStatus, type InvitationStatus } from "./invitation-select";

export interface ListInvitationsInput {
  limit: number;
  cursor?: string | null;
  status?: InvitationStatus;
}

function statusFilter(status: InvitationStatus | undefined, now: Date): Prisma.InvitationWhereInput {
  switch (status) {
    case "accepted":
      return { acceptedAt: { not: null } };
    case "revoked":
      return { acceptedAt: null, revokedAt: { not: null } };
    case "expired":
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case "pending":
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    default:
      return {};
  }
}

export async function listInvitations(db: TenantDb, input: ListInvitationsInput, now = new Date()) {
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const where: Prisma.InvitationWhereInput = {
    AND: [
      statusFilter(input.status, now),
      after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.invitation.findMany({
    where,
    select: invitationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const inviterIds = [...new Set(page.map((r) => r.invitedById).filter((id): id is string => !!id))];
  // Inviters who left the tenant still have a name on their invitations.
  const inviters = inviterIds.length
    ? await db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(inviters.map((u) => [u.id, u.name]));
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r,
      status: invitationStatus(r, now),
      invitedBy: r.invitedById ? { id: r.invitedById, name: names.get(r.invitedById) ?? "Former member" } : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeTimeCursor(last.createdAt, last.id) : null,
  };
}
