-- Audit trail: a hash chain per tenant, and append-only in the database itself.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" TEXT,
ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the chain. hash = sha256 of the previous hash and every column of the event,
-- encoded as a JSON array so no two different events can encode alike. One definition, used by
-- the insert trigger, the backfill below and the verifier (audit_chain_breaks).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION audit_event_hash(prev text, e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
      prev, e.id, e.tenant_id, e.seq, e.actor_type, e.actor_id, e.action, e.target_type, e.target_id,
      e.request_id, e.ip, e.user_agent, e.diff, (extract(epoch FROM e.created_at) * 1000)::bigint
    )::text, 'UTF8')), 'hex')
  $$;

-- Existing events join the chain in the order they were written. (FORCE is lifted for the
-- backfill so a migrating role that owns the table but is no superuser still sees every row.)
ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
  r record;
  prev text;
  current_tenant uuid;
  n integer;
BEGIN
  FOR r IN SELECT id, tenant_id FROM audit_events ORDER BY tenant_id, created_at, id LOOP
    IF current_tenant IS DISTINCT FROM r.tenant_id THEN
      current_tenant := r.tenant_id;
      prev := NULL;
      n := 0;
    END IF;
    n := n + 1;
    UPDATE audit_events SET seq = n, prev_hash = prev WHERE id = r.id;
    UPDATE audit_events e SET hash = audit_event_hash(prev, e) WHERE e.id = r.id RETURNING e.hash INTO prev;
  END LOOP;
END $$;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_tenant_id_seq_key" ON "audit_events"("tenant_id", "seq");

-- Every insert, whoever makes it, is chained: the tenant's events are serialised by an advisory
-- lock held to the end of the inserting transaction, so two writers never fork the chain.
CREATE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_event audit_events%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.tenant_id::text, 0));
  SELECT * INTO last_event FROM audit_events WHERE tenant_id = NEW.tenant_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := COALESCE(last_event.seq, 0) + 1;
  NEW.prev_hash := last_event.hash;
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

-- Append-only for everyone, not just the app role (which has no UPDATE or DELETE grant anyway).
-- The one exception is purging a deleted tenant, which must name that tenant in
-- caseboard.purge_tenant for its transaction.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('caseboard.purge_tenant', true) = OLD.tenant_id::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- The verifier: every event whose link or hash does not hold, in order. Empty = the chain is intact
-- (a deleted event shows as a gap; only an anchor kept elsewhere could reveal a removed last one).
CREATE FUNCTION audit_chain_breaks(t uuid) RETURNS TABLE (seq integer, event_id uuid, reason text)
  LANGUAGE sql STABLE
  AS $$
    SELECT x.seq, x.id,
      CASE
        WHEN x.seq <> x.position THEN 'sequence gap: an event is missing before this one'
        WHEN x.prev_hash IS DISTINCT FROM x.expected_prev THEN 'link broken: prev_hash differs from the previous event''s hash'
        ELSE 'hash mismatch: the event was changed after it was written'
      END
    FROM (
      SELECT e.seq, e.id, e.prev_hash, e.hash,
        row_number() OVER (ORDER BY e.seq) AS position,
        lag(e.hash) OVER (ORDER BY e.seq) AS expected_prev,
        audit_event_hash(e.prev_hash, e) AS recomputed
      FROM audit_events e
      WHERE e.tenant_id = t
    ) x
    WHERE x.seq <> x.position OR x.prev_hash IS DISTINCT FROM x.expected_prev OR x.hash <> x.recomputed
    ORDER BY x.seq
  $$;
