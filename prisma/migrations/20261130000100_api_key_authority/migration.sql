-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "authority_user_id" UUID;

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- CreateIndex
CREATE INDEX "api_keys_tenant_id_authority_user_id_idx" ON "api_keys"("tenant_id", "authority_user_id");

-- ---- Hand-written: isolation and grants of user_sessions, backfill of api_keys ----

-- Sessions belong to no tenant: only the privileged path (sign-in, the per-request session check,
-- sign-out) reads or writes them, as with password_reset_tokens.
ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY privileged_access ON user_sessions TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON user_sessions TO caseboard_privileged;

-- The backfill runs as the privileged role: api_keys and audit_events FORCE row-level security,
-- which binds their owner too (only a superuser is exempt, and a managed database's owner is not one).
SET LOCAL ROLE caseboard_privileged;

-- A key made in a session stands on its maker's authority.
UPDATE api_keys SET authority_user_id = created_by_id WHERE created_by_id IS NOT NULL;

-- A key made by a key has no created_by_id; the audit trail names the key that made it, whose
-- authority it inherits. Repeated until nothing changes, for keys made by keys made by keys.
DO $$
DECLARE changed integer;
BEGIN
  LOOP
    UPDATE api_keys AS k
       SET authority_user_id = maker.authority_user_id
      FROM audit_events AS e
      JOIN api_keys AS maker ON maker.id::text = e.actor_id AND maker.tenant_id = e.tenant_id
     WHERE k.authority_user_id IS NULL
       AND k.created_by_id IS NULL
       AND e.tenant_id = k.tenant_id
       AND e.action = 'api_key.created'
       AND e.actor_type = 'apiKey'
       AND e.target_id = k.id::text
       AND maker.authority_user_id IS NOT NULL;
    GET DIAGNOSTICS changed = ROW_COUNT;
    EXIT WHEN changed = 0;
  END LOOP;
END $$;

-- Keys whose authority has already left the tenant (made by a key of a member removed before
-- this migration) are revoked now, as the removal would have done.
UPDATE api_keys AS k
   SET revoked_at = now()
 WHERE k.revoked_at IS NULL
   AND k.authority_user_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = k.tenant_id AND m.user_id = k.authority_user_id);

RESET ROLE;
