import type { Prisma } from "@/server/db/generated/client";

export const invitationSelect = {
  id: true,
  tenantId: true,
  email: true,
  role: true,
  invitedById: true,
  expiresAt: true,
  acceptedAt: true,
  acceptedById: true,
  revokedAt: true,
  lastSentAt: true,
  sendCount: true,
  createdAt: true,
} satisfies Prisma.InvitationSelect;

export type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}
