// The invitee's side: preview the invitation behind a link, accept it, or sign up through it.
// These run before the user is a member of the tenant, so they go the privileged way; the token
// (only its hash is stored) is what authorises them, and each checks it is still pending.
import { recordAudit } from "@/server/audit";
import { hashPassword, waitLikeAPasswordHash } from "@/server/auth/password";
import { ROLE_RANK } from "@/server/auth/permissions";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import type { Role } from "@/server/db/generated/enums";
import { mailExistingAccountNotice } from "@/server/services/accounts/existing-account-notice";
import { postNewMember } from "@/server/services/feed/feed-events";
import { invitationSelect, invitationStatus, type InvitationStatus } from "./invitation-select";
import { hashToken, isWellFormedToken } from "./tokens";

export type InvitationPreview =
  | {
      valid: true;
      email: string;
      role: Role;
      tenantName: string;
      tenantSlug: string;
      inviterName: string | null;
      expiresAt: Date;
    }
  | { valid: false; reason: Exclude<InvitationStatus, "pending"> | "unknown" | "unavailable" | "inviter" };

const REFUSALS: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired.",
};

async function findByToken(db: PrivilegedDb, token: string) {
  if (!isWellFormedToken(token)) return null;
  return db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: invitationSelect,
  });
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findByToken>>>;

/**
 * An invitation carries its inviter's authority: it is good only while they are still a member
 * with a role at least the one they invited to (removal also revokes their pending ones). Those
 * sent by platform administration or an operator's key name nobody and need no check.
 */
async function inviterEntitled(db: PrivilegedDb, row: FoundInvitation): Promise<boolean> {
  if (!row.invitedById) return true;
  const inviter = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId: row.tenantId, userId: row.invitedById } },
    select: { role: true },
  });
  return !!inviter && ROLE_RANK[inviter.role] >= ROLE_RANK[row.role];
}

const INVITER_NOT_ENTITLED =
  "The person who invited you can no longer invite you with this role. Ask someone in the organisation to invite you again.";

/** What a pending invitation still needs to be usable: its tenant open to members, its inviter entitled. */
async function assertJoinable(db: PrivilegedDb, row: FoundInvitation): Promise<{ tenantSlug: string }> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: row.tenantId }, select: { slug: true, status: true, deletionScheduledFor: true } });
  if (tenant.status !== "ACTIVE" || tenant.deletionScheduledFor) {
    throw new AppError("FORBIDDEN", "This organisation is not accepting new members right now.", { reason: "TENANT_UNAVAILABLE" });
  }
  if (!(await inviterEntitled(db, row))) throw new AppError("FORBIDDEN", INVITER_NOT_ENTITLED, { reason: "INVITER_NOT_ENTITLED" });
  return { tenantSlug: tenant.slug };
}

export function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  return withPrivilegedDb("preview invitation", async (db) => {
    const row = await findByToken(db, token);
    if (!row) return { valid: false, reason: "unknown" };
    const status = invitationStatus(row, now);
    if (status !== "pending") return { valid: false, reason: status };
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: row.tenantId }, select: { name: true, slug: true, status: true, deletionScheduledFor: true } });
    if (tenant.status !== "ACTIVE" || tenant.deletionScheduledFor) return { valid: false, reason: "unavailable" };
    if (!(await inviterEntitled(db, row))) return { valid: false, reason: "inviter" };
    const inviter = row.invitedById ? await db.user.findUnique({ where: { id: row.invitedById }, select: { name: true } }) : null;
    // Whether the address has an account is not said: anyone holding the link (the inviting
    // admin too) could otherwise learn who uses the platform. The page offers both ways in.
    return {
      valid: true,
      email: row.email,
      role: row.role,
      tenantName: tenant.name,
      tenantSlug: tenant.slug,
      inviterName: inviter?.name ?? null,
      expiresAt: row.expiresAt,
    };
  });
}

/** Turns a non-pending invitation into the one clear refusal the page shows. */
function assertPending(row: FoundInvitation | null, now: Date): asserts row is FoundInvitation {
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid.", { reason: "INVITATION_UNKNOWN" });
  const status = invitationStatus(row, now);
  if (status !== "pending") throw new AppError("CONFLICT", REFUSALS[status], { reason: `INVITATION_${status.toUpperCase()}` });
}

/**
 * Marks the invitation used and makes the user a member, in one transaction. The conditional
 * update is what makes the link single-use even when two accepts race: only one sees count 1.
 */
async function consume(db: PrivilegedDb, row: FoundInvitation, userId: string, now: Date): Promise<{ tenantSlug: string }> {
  const { tenantSlug } = await assertJoinable(db, row);
  const claimed = await db.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", REFUSALS.accepted, { reason: "INVITATION_ACCEPTED" });
  const existing = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: row.tenantId, userId } }, select: { role: true } });
  // Already a member (joined another way meanwhile): the invitation is spent, the role stays.
  if (!existing) await db.membership.create({ data: { tenantId: row.tenantId, userId, role: row.role } });
  await recordAudit(db, {
    tenantId: row.tenantId,
    actor: { type: "user", id: userId },
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: row.id,
    diff: { email: row.email, role: row.role, ...(existing ? { alreadyMember: existing.role } : {}) },
  });
  // After the audit event: the feed's realtime event locks the tenant's log, which tenant transactions take last.
  if (!existing) await postNewMember(db, { tenantId: row.tenantId, userId, role: row.role, at: now });
  return { tenantSlug };
}

/** A signed-in user accepts: only the invited email may. */
export function acceptInvitation(token: string, user: { id: string; email: string }, now = new Date()) {
  return withPrivilegedDb("accept invitation", async (db) => {
    const row = await findByToken(db, token);
    assertPending(row, now);
    if (row.email !== user.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invitation is for ${row.email}. Sign in with that email to accept it.`, { reason: "INVITATION_WRONG_EMAIL" });
    }
    return consume(db, row, user.id, now);
  });
}

/**
 * A new user signs up through the link: the account gets the invited email, joins, and no tenant
 * is created. The link and the address are checked before the (deliberately slow) password hash.
 * When the address already has an account the answer is the same, nothing changes, and the
 * account's owner is mailed instead: the link's holder (the inviting admin too) learns nothing.
 */
export async function signUpWithInvitation(input: { token: string; name: string; password: string }, opts: { origin?: string; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const existing = await withPrivilegedDb("check invitation before sign-up", async (db) => {
    const row = await findByToken(db, input.token);
    assertPending(row, now);
    const joined = await assertJoinable(db, row);
    const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
    return account ? { ...joined, email: row.email } : null;
  });
  if (existing) {
    void mailExistingAccountNotice(existing.email, { origin: opts.origin });
    await waitLikeAPasswordHash();
    return existing;
  }
  const passwordHash = await hashPassword(input.password);
  return withPrivilegedDb("sign up through invitation", async (db) => {
    const row = await findByToken(db, input.token);
    assertPending(row, now);
    const user = await db.user.create({ data: { email: row.email, name: input.name, passwordHash }, select: { id: true, email: true } });
    const joined = await consume(db, row, user.id, now);
    return { ...joined, email: user.email };
  });
}
