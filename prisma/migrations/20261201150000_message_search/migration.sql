-- ---------------------------------------------------------------------------------------------
-- Hand-written: messages in the search. Replies and internal notes are part of a case; a search
-- finds the case whose messages hold the words, as it finds one whose title does. Like cases'
-- text, the messages are matched by a SECURITY DEFINER function, so the GIN index answers under
-- row-level security (see 20261130001100_case_search for why).
--
-- The index is on the text alone, not led by the tenant: GIN cannot lead with a uuid without
-- btree_gin, and a word's posting list is read once per search either way; the function keeps the
-- tenant's rows (tenant_id = app_current_tenant()), as the policy does. 'simple', as the cases'.
-- ---------------------------------------------------------------------------------------------
CREATE INDEX "case_messages_search_idx" ON "case_messages" USING GIN (to_tsvector('simple', "body"));

-- The current tenant's cases with a message matching `query`, each once.
CREATE FUNCTION app_message_case_ids(query tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT m.case_id
      FROM case_messages m
     WHERE m.tenant_id = app_current_tenant()
       AND to_tsvector('simple', m.body) @@ $1
  $$;

DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_message_case_ids(tsquery) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_message_case_ids(tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_message_case_ids(tsquery) TO caseboard_app, caseboard_privileged;
