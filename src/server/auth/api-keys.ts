// API keys for scripts: `cb_<prefix>_<secret>`. Only a SHA-256 of the whole key is stored (a
// high-entropy secret needs no slow hash); the prefix is kept in clear so admins can tell keys apart.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/server/db/generated/enums";
import { ROLE_RANK } from "@/server/auth/permissions";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { apiKeyCache, listenForAuthChanges } from "./auth-cache";

const KEY_PATTERN = /^cb_([a-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  // The slice is a guard only: 6 random bytes are always 8 base64url characters, so a mutant
  // without it is equivalent (it survives, explained here; the line's other mutants are tested).
  const prefix = randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 8);
  const key = `cb_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantStatus: "ACTIVE" | "SUSPENDED";
  /** Set while the tenant is scheduled for deletion: its keys are refused. */
  tenantDeletionScheduledFor: Date | null;
  /** The effective role: the key's own, capped by its authority's current role. */
  role: Role;
  /** The member on whose authority the key acts (keys it makes inherit it); null for operator keys. */
  authorityUserId: string | null;
}

export type ApiKeyCheck =
  | { ok: true; principal: ApiKeyPrincipal }
  | { ok: false; reason: "MALFORMED" | "UNKNOWN" | "REVOKED" | "EXPIRED" };

interface KeyRow {
  id: string;
  role: Role;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  authorityUserId: string | null;
  /** The authority's membership role in the key's tenant; null when they are not a member. */
  authorityRole: Role | null;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantStatus: "ACTIVE" | "SUSPENDED";
  tenantDeletionScheduledFor: Date | null;
}

/** The key with its tenant and its authority's current membership: one indexed query per request. */
function findKey(db: PrivilegedDb, hash: string): Promise<KeyRow[]> {
  return db.$queryRaw<KeyRow[]>`
    SELECT k.id::text AS "id", k.role::text AS "role", k.revoked_at AS "revokedAt", k.expires_at AS "expiresAt",
           k.last_used_at AS "lastUsedAt", k.authority_user_id::text AS "authorityUserId", m.role::text AS "authorityRole",
           t.id::text AS "tenantId", t.slug AS "tenantSlug", t.name AS "tenantName", t.status::text AS "tenantStatus",
           t.deletion_scheduled_for AS "tenantDeletionScheduledFor"
      FROM api_keys k
      JOIN tenants t ON t.id = k.tenant_id
      LEFT JOIN memberships m ON m.tenant_id = k.tenant_id AND m.user_id = k.authority_user_id
     WHERE k.hash = ${hash}`;
}

/** The lower of two roles: a key never does more than the member behind it may do now. */
function cappedRole(keyRole: Role, authorityRole: Role | null): Role {
  // `<` or `<=` choose the same role: equal ranks are the same role (a `<=` mutant is equivalent).
  return authorityRole && ROLE_RANK[authorityRole] < ROLE_RANK[keyRole] ? authorityRole : keyRole;
}

/** Resolves a presented key; records its last use (at most once a minute, to spare writes). */
export async function authenticateApiKey(key: string, now = new Date()): Promise<ApiKeyCheck> {
  if (!KEY_PATTERN.test(key)) return { ok: false, reason: "MALFORMED" };
  const hash = hashApiKey(key);
  listenForAuthChanges();
  // Cached for seconds, dropped at once by a revocation or a change of its member or tenant
  // (auth-cache.ts); refusals are never cached. An expiry falls inside the cache's life, so it is
  // checked on every use.
  const check = (await apiKeyCache.get(hash, async () => {
    const value = await lookUpApiKey(hash, now);
    return {
      value,
      keep: value.ok,
      tenantId: value.ok ? value.principal.tenantId : null,
      userIds: value.ok && value.principal.authorityUserId ? [value.principal.authorityUserId] : [],
      sessionId: null,
    };
  }, now.getTime())) as ApiKeyCheck & { expiresAt?: Date | null };
  if (check.ok && check.expiresAt && check.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  if (!check.ok) return check;
  return { ok: true, principal: check.principal };
}

async function lookUpApiKey(hash: string, now: Date): Promise<ApiKeyCheck & { expiresAt?: Date | null }> {
  // Stryker disable next-line StringLiteral: the transaction's label, for logs and traces only
  return withPrivilegedDb("authenticate API key", async (db: PrivilegedDb) => {
    const [row] = await findKey(db, hash);
    if (!row) return { ok: false, reason: "UNKNOWN" } as const;
    if (row.revokedAt) return { ok: false, reason: "REVOKED" } as const;
    if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "EXPIRED" } as const;
    // Removing the member revokes their keys in the same transaction; this covers any other way a
    // membership ends (the user deleted), so a key never outlives the member it stands for.
    if (row.authorityUserId && !row.authorityRole) return { ok: false, reason: "REVOKED" } as const;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
    }
    return {
      ok: true,
      expiresAt: row.expiresAt,
      principal: {
        apiKeyId: row.id,
        tenantId: row.tenantId,
        tenantSlug: row.tenantSlug,
        tenantName: row.tenantName,
        tenantStatus: row.tenantStatus,
        tenantDeletionScheduledFor: row.tenantDeletionScheduledFor,
        role: cappedRole(row.role, row.authorityRole),
        authorityUserId: row.authorityUserId,
      },
    } as const;
  });
}
