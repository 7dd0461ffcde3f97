// Invitations from a tenant's settings: create, resend, revoke. Every call runs on the tenant's
// own transaction (ctx.db), so RLS and the tenancy extension confine it to that tenant.
import { ROLE_RANK } from "@/server/auth/permissions";
import { recordAudit } from "@/server/audit";
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { issueInvitation, type IssuedInvitation } from "./issue-invitation";
import { sendInvitationMail } from "./invitation-mail";
import { invitationSelect, invitationStatus, type InvitationRow } from "./invitation-select";
import { INVITATION_TTL_MS, generateToken, invitationUrl } from "./tokens";

export interface InvitingActor {
  role: Role;
  /** Null when an API key acts. */
  userId: string | null;
  name?: string | null;
  /** Recorded as the inviter: the member, or the acting key's authority (null for operator keys),
   *  so the invitation is withdrawn when that member leaves and checked against their role. */
  authorityUserId: string | null;
}

export interface InvitingTenant {
  id: string;
  name: string;
}

/** Nobody hands out (or re-sends, or withdraws) a role above their own. */
function assertRoleWithin(actor: InvitingActor, role: Role): void {
  if (ROLE_RANK[role] > ROLE_RANK[actor.role]) {
    throw new AppError("FORBIDDEN", `You cannot invite someone with a role above your own (${actor.role})`, {
      reason: "ROLE_ABOVE_OWN",
      fieldErrors: { role: ["Above your own role"] },
    });
  }
}

async function findInvitation(db: TenantDb, id: string): Promise<InvitationRow> {
  const row = await db.invitation.findUnique({ where: { id }, select: invitationSelect });
  if (!row) throw notFound("Invitation");
  return row;
}

/**
 * Re-inviting an email that already has a pending invitation replaces it: the old link stops
 * working and a fresh one (new 7 days) goes out, so only the newest message is valid.
 */
export async function createInvitation(
  db: TenantDb,
  actor: InvitingActor,
  tenant: InvitingTenant,
  input: { email: string; role: Role; baseUrl?: string },
): Promise<IssuedInvitation> {
  assertRoleWithin(actor, input.role);
  const email = input.email.trim().toLowerCase();
  const member = await db.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  if (member) {
    throw new AppError("CONFLICT", "This person is already a member", {
      reason: "ALREADY_MEMBER",
      fieldErrors: { email: ["Already a member of this organisation"] },
    });
  }
  const replaced = await db.invitation.findMany({
    where: { email, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  const issued = await issueInvitation(db, {
    tenantId: tenant.id,
    email,
    role: input.role,
    invitedById: actor.authorityUserId,
    inviterName: actor.name,
    tenantName: tenant.name,
    baseUrl: input.baseUrl,
  });
  await recordAudit(db, {
    action: "invitation.created",
    targetType: "invitation",
    targetId: issued.invitation.id,
    diff: { email, role: input.role, delivered: issued.delivered, ...(replaced.length ? { replaced: replaced.map((r) => r.id) } : {}) },
  });
  return issued;
}

/** A new token (the previous link stops working), a fresh expiry, and the mail again. */
export async function resendInvitation(
  db: TenantDb,
  actor: InvitingActor,
  tenant: InvitingTenant,
  input: { id: string; baseUrl?: string },
  now = new Date(),
): Promise<IssuedInvitation> {
  const current = await findInvitation(db, input.id);
  assertRoleWithin(actor, current.role);
  const status = invitationStatus(current, now);
  if (status === "accepted" || status === "revoked") {
    throw new AppError("CONFLICT", `This invitation was ${status}; invite again instead`, { reason: `INVITATION_${status.toUpperCase()}` });
  }
  const { token, tokenHash } = generateToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await db.invitation.update({
    where: { id: current.id },
    // Whoever resends vouches for it from now on (acceptance checks the inviter is still entitled).
    data: { tokenHash, expiresAt, lastSentAt: now, sendCount: { increment: 1 }, invitedById: actor.authorityUserId },
    select: invitationSelect,
  });
  const url = invitationUrl(token, input.baseUrl);
  const mail = await sendInvitationMail({ to: invitation.email, url, role: invitation.role, tenantName: tenant.name, inviterName: actor.name, expiresAt });
  await recordAudit(db, {
    action: "invitation.resent",
    targetType: "invitation",
    targetId: invitation.id,
    diff: { email: invitation.email, sendCount: invitation.sendCount, delivered: mail.delivered },
  });
  return { invitation, url, delivered: mail.delivered };
}

export async function revokeInvitation(db: TenantDb, actor: InvitingActor, id: string, now = new Date()): Promise<InvitationRow> {
  const current = await findInvitation(db, id);
  assertRoleWithin(actor, current.role);
  if (current.acceptedAt) throw new AppError("CONFLICT", "This invitation was already accepted; remove the member instead", { reason: "INVITATION_ACCEPTED" });
  if (current.revokedAt) return current;
  const invitation = await db.invitation.update({ where: { id }, data: { revokedAt: now }, select: invitationSelect });
  await recordAudit(db, { action: "invitation.revoked", targetType: "invitation", targetId: id, diff: { email: invitation.email, role: invitation.role } });
  return invitation;
}

/** A member leaves: the invitations they sent and nobody used yet stop working with them. */
export async function revokeInvitationsOf(db: TenantDb, userId: string, now = new Date()): Promise<number> {
  const revoked = await db.invitation.updateMany({
    where: { invitedById: userId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return revoked.count;
}
