-- Audit chain keyed with a secret outside the database (AUDIT_HMAC_KEYS), and job runners'
-- heartbeats.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "mac" TEXT,
ADD COLUMN     "mac_key_id" TEXT;

-- CreateTable
CREATE TABLE "job_runners" (
    "id" TEXT NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_runners_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_runners_last_seen_at_idx" ON "job_runners"("last_seen_at");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the keyed chain.
--
-- The sha256 chain (audit_event_hash) stays: it finds a change made without recomputing hashes.
-- But anyone who can write rows can also recompute it, so each event now also carries a mac:
-- HMAC-SHA256 over the event, its prev_hash and the previous event's mac, under a key only the
-- application holds (src/server/audit/mac.ts). The application computes it before the insert,
-- under the same per-tenant advisory lock this trigger takes, and states the seq and prev_hash
-- it signed; the trigger refuses the row if they are not the chain's next position.
--
-- Existing events keep mac NULL ("legacy, unkeyed"): the key is not available here, so they
-- cannot be signed at migrate time, and signing them later would vouch for rows nobody checked.
-- They stay covered by the sha256 chain, and the first keyed event signs the last one's hash,
-- which vouches for the whole legacy prefix from then on. From this migration on every insert
-- must carry a mac, so unkeyed rows can only ever be that prefix.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE audit_events ADD CONSTRAINT audit_events_mac_pair CHECK ((mac IS NULL) = (mac_key_id IS NULL));

CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_event audit_events%ROWTYPE;
BEGIN
  IF NEW.mac IS NULL THEN
    RAISE EXCEPTION 'audit_events: an event must be written by the audit writer, with its mac'
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.tenant_id::text, 0));
  SELECT * INTO last_event FROM audit_events WHERE tenant_id = NEW.tenant_id ORDER BY seq DESC LIMIT 1;
  IF NEW.seq IS DISTINCT FROM COALESCE(last_event.seq, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM last_event.hash THEN
    RAISE EXCEPTION 'audit_events: event signed for position % but the chain is at %', NEW.seq, COALESCE(last_event.seq, 0)
      USING ERRCODE = 'serialization_failure';
  END IF;
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: job_runners holds no tenant data. Runners write it through the privileged path;
-- tenants may read when a runner was last seen (the jobs page), and nothing else of it.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE job_runners ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_runners FORCE ROW LEVEL SECURITY;
CREATE POLICY runners_last_seen ON job_runners FOR SELECT TO caseboard_app USING (true);
CREATE POLICY privileged_access ON job_runners TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT (last_seen_at) ON job_runners TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON job_runners TO caseboard_privileged;
