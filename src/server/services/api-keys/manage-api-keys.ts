import { recordAudit } from "@/server/audit";
import { generateApiKey } from "@/server/auth/api-keys";
import { ROLE_RANK } from "@/server/auth/permissions";
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { invalidateAuth } from "@/server/auth/auth-cache";

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export interface KeyMaker {
  role: Role;
  /** The signed-in member making the key; null when a key makes it. */
  userId: string | null;
  /** Whose authority the new key stands on: the member, or the making key's own authority. */
  authorityUserId: string | null;
}

export async function createApiKey(db: TenantDb, actor: KeyMaker, input: { name: string; role: Role; expiresInDays: number | null }) {
  // A key can do no more than the person who made it.
  if (ROLE_RANK[input.role] > ROLE_RANK[actor.role]) {
    throw new AppError("FORBIDDEN", `A key cannot have a role above yours (${actor.role})`, { fieldErrors: { role: ["Above your own role"] } });
  }
  const { key, prefix, hash } = generateApiKey();
  const created = await db.apiKey.create({
    data: {
      tenantId: requireTenantId(),
      name: input.name,
      prefix,
      hash,
      role: input.role,
      createdById: actor.userId,
      authorityUserId: actor.authorityUserId,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
    select: apiKeySelect,
  });
  await recordAudit(db, { action: "api_key.created", targetType: "api_key", targetId: created.id, diff: { name: input.name, role: input.role, prefix } });
  return { apiKey: created, secret: key };
}

export async function revokeApiKey(db: TenantDb, id: string) {
  const existing = await db.apiKey.findFirst({ where: { id }, select: { id: true, revokedAt: true, prefix: true } });
  if (!existing) throw notFound("API key");
  if (existing.revokedAt) return db.apiKey.findFirstOrThrow({ where: { id }, select: apiKeySelect });
  const revoked = await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: apiKeySelect });
  invalidateAuth({ tenantId: requireTenantId() });
  await recordAudit(db, { action: "api_key.revoked", targetType: "api_key", targetId: id, diff: { prefix: existing.prefix } });
  return revoked;
}

/** The keys standing on a member's authority (or made by them before authority was recorded). */
function keysOf(userId: string) {
  return { revokedAt: null, OR: [{ authorityUserId: userId }, { createdById: userId }] };
}

/** A member leaves: every key on their authority stops, in the caller's transaction. */
export async function revokeKeysOfMember(db: TenantDb, userId: string, now = new Date()): Promise<number> {
  const revoked = await db.apiKey.updateMany({ where: keysOf(userId), data: { revokedAt: now } });
  invalidateAuth({ tenantId: requireTenantId() });
  return revoked.count;
}

/** A member's role goes down: their keys above it come down with it (authentication caps it too). */
export async function capKeysOfMember(db: TenantDb, userId: string, role: Role): Promise<number> {
  const above = (Object.keys(ROLE_RANK) as Role[]).filter((r) => ROLE_RANK[r] > ROLE_RANK[role]);
  const capped = await db.apiKey.updateMany({ where: { ...keysOf(userId), role: { in: above } }, data: { role } });
  invalidateAuth({ tenantId: requireTenantId() });
  return capped.count;
}
