// API keys for scripts: `cb_<prefix>_<secret>`. Only a SHA-256 of the whole key is stored (a
// high-entropy secret needs no slow hash); the prefix is kept in clear so admins can tell keys apart.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/server/db/generated/enums";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";

const KEY_PATTERN = /^cb_([a-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
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
  role: Role;
}

export type ApiKeyCheck =
  | { ok: true; principal: ApiKeyPrincipal }
  | { ok: false; reason: "MALFORMED" | "UNKNOWN" | "REVOKED" | "EXPIRED" };

/** Resolves a presented key; records its last use (at most once a minute, to spare writes). */
export async function authenticateApiKey(key: string, now = new Date()): Promise<ApiKeyCheck> {
  if (!KEY_PATTERN.test(key)) return { ok: false, reason: "MALFORMED" };
  return withPrivilegedDb("authenticate API key", async (db: PrivilegedDb) => {
    const row = await db.apiKey.findUnique({
      where: { hash: hashApiKey(key) },
      select: { id: true, role: true, revokedAt: true, expiresAt: true, lastUsedAt: true, tenant: { select: { id: true, slug: true, name: true, status: true, deletionScheduledFor: true } } },
    });
    if (!row) return { ok: false, reason: "UNKNOWN" } as const;
    if (row.revokedAt) return { ok: false, reason: "REVOKED" } as const;
    if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "EXPIRED" } as const;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    return {
      ok: true,
      principal: {
        apiKeyId: row.id,
        tenantId: row.tenant.id,
        tenantSlug: row.tenant.slug,
        tenantName: row.tenant.name,
        tenantStatus: row.tenant.status,
        tenantDeletionScheduledFor: row.tenant.deletionScheduledFor,
        role: row.role,
      },
    } as const;
  });
}
