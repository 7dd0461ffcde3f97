-- ---------------------------------------------------------------------------------------------
-- Search in the tenant's language, from stored vectors.
--
-- Until now cases and messages were matched on an expression index over 'simple' words, and every
-- ranked candidate's text was parsed again. Now each row stores its tsvector (search_vector),
-- written by a trigger in the statement that writes the text, with the tenant's text search
-- configuration (settings.textLanguage: stemming and stop words of its language; 'simple' for
-- mixed languages). A change of language rewrites the tenant's vectors in a job
-- (services/search/reindex-search.ts); queries parse the typed words with the same configuration
-- (app_text_config), so "printing" finds "printed" in an English tenant.
--
-- Indexes lead with the tenant (btree_gin's uuid_ops): a GIN entry per word and tenant, so a
-- small tenant's search for a word that a large neighbour has in 230k cases intersects the two
-- posting lists in the index instead of fetching every neighbour's row to drop it. The
-- alternative, a partial index per tenant, needs DDL per tenant and thousands of indexes.
-- ---------------------------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- AlterTable
ALTER TABLE "case_messages" ADD COLUMN     "search_vector" tsvector;

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "search_vector" tsvector;

-- The tenant's text search configuration: its settings.textLanguage when that names one of the
-- built-in configurations, else 'english' (the settings schema's default). SECURITY DEFINER so a
-- trigger or query may read it for the row's tenant; it tells nothing but the language.
CREATE FUNCTION app_text_config(tenant uuid) RETURNS regconfig
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(
      (SELECT cfg.oid::regconfig
         FROM tenants t
         JOIN pg_catalog.pg_ts_config cfg ON cfg.cfgname = t.settings ->> 'textLanguage' AND cfg.cfgnamespace = 'pg_catalog'::regnamespace
        WHERE t.id = $1),
      'pg_catalog.english'::regconfig)
  $$;

-- A case's vector: title words weigh A, description words B (ts_rank ranks a title match higher).
-- The one definition, used by the trigger, the reindex job and bulk loaders that skip triggers.
CREATE FUNCTION case_search_vector(config regconfig, title text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT setweight(to_tsvector($1, coalesce($2, '')), 'A') || setweight(to_tsvector($1, coalesce($3, '')), 'B') $$;

CREATE FUNCTION cases_set_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  NEW.search_vector := case_search_vector(app_text_config(NEW.tenant_id), NEW.title, NEW.description);
  RETURN NEW;
END $$;

CREATE FUNCTION case_messages_set_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  NEW.search_vector := to_tsvector(app_text_config(NEW.tenant_id), NEW.body);
  RETURN NEW;
END $$;

-- Only when the text is written: a status change does not parse the description again.
CREATE TRIGGER cases_search_vector BEFORE INSERT OR UPDATE OF title, description ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_set_search_vector();
CREATE TRIGGER case_messages_search_vector BEFORE INSERT OR UPDATE OF body ON case_messages
  FOR EACH ROW EXECUTE FUNCTION case_messages_set_search_vector();

-- Existing rows, as the privileged role: cases and messages FORCE row-level security, which binds
-- their owner too on a managed database.
SET LOCAL ROLE caseboard_privileged;
UPDATE cases c SET search_vector = case_search_vector(l.config, c.title, c.description)
  FROM (SELECT id, app_text_config(id) AS config FROM tenants) l WHERE l.id = c.tenant_id;
UPDATE case_messages m SET search_vector = to_tsvector(l.config, m.body)
  FROM (SELECT id, app_text_config(id) AS config FROM tenants) l WHERE l.id = m.tenant_id;
RESET ROLE;

-- CreateIndex
CREATE INDEX "case_messages_search_vector_idx" ON "case_messages" USING GIN ("tenant_id" uuid_ops, "search_vector" tsvector_ops);

-- CreateIndex
CREATE INDEX "cases_search_vector_idx" ON "cases" USING GIN ("tenant_id" uuid_ops, "search_vector" tsvector_ops);

DROP INDEX "cases_search_idx";
DROP INDEX "case_messages_search_idx";

-- The search functions (why functions: 20261130001100_case_search) read the stored vectors now.
-- Every match, for the cases list's `q` when its window found no page (a rarer word).
DROP FUNCTION app_case_search_ids(tsquery);
CREATE FUNCTION app_case_search_ids(query tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT c.id FROM cases c WHERE c.tenant_id = app_current_tenant() AND c.search_vector @@ $1
  $$;

DROP FUNCTION app_message_case_ids(tsquery);

-- The newest `how_many` matches (ids are UUIDv7: the highest are the newest), for search. Which
-- way is cheaper depends on how common the words are in this tenant. A rare word: from the search
-- index, every match, sorted (20 matches: ~1 ms). A common one: walking the primary key backwards
-- until enough rows match (a word in a quarter of 1M cases has its newest 2,000 matches among the
-- newest ~9,000 cases: ~3 ms), where the index would read all 230k matches (~500 ms).
--
-- The planner cannot be left to choose: its estimate for a prefix ('zeppelin':*) is a flat 2% of
-- the rows whatever the word, so it walked all 1M cases for 20 matches (0.8 s). So the function
-- measures: it reads the tenant's newest PROBE (1,000) cases and counts the matches.
--   * fewer cases than that: the probe saw the whole tenant;
--   * no match: a rare word, answered by the index;
--   * otherwise the walk should find `how_many` matches within WALK (100,000) cases: it walks at
--     most that far, and only if it came up short, on a tenant of more cases than that, does the
--     index answer after all.
-- A word in ~1–10% of the cases costs the most (the walk, or the index reading its matches); at
-- 1M cases, tens of milliseconds.
CREATE FUNCTION app_case_search_newest(query tsquery, how_many integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  current_tenant uuid := app_current_tenant();
  probed integer;
  matched integer;
  walked uuid[];
BEGIN
  IF current_tenant IS NULL OR how_many < 1 THEN
    RETURN;
  END IF;
  SELECT count(*), count(*) FILTER (WHERE p.search_vector @@ query) INTO probed, matched
    FROM (SELECT c.search_vector FROM cases c WHERE c.tenant_id = current_tenant ORDER BY c.id DESC LIMIT 1000) p;
  IF probed < 1000 OR (matched > 0 AND how_many::bigint * probed <= matched::bigint * 100000) THEN
    -- OFFSET 0 keeps the walk a walk: the condition cannot be pushed into the ordered read.
    walked := ARRAY(
      SELECT w.id FROM (SELECT c.id, c.search_vector FROM cases c WHERE c.tenant_id = current_tenant ORDER BY c.id DESC LIMIT 100000 OFFSET 0) w
       WHERE w.search_vector @@ query
       LIMIT how_many);
    -- Enough, or the walk read every case the tenant has (the count stops past the walk's reach).
    IF probed < 1000 OR cardinality(walked) = how_many
       OR (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.tenant_id = current_tenant LIMIT 100001) n) <= 100000 THEN
      RETURN QUERY SELECT unnest(walked);
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
    WITH m AS MATERIALIZED (SELECT c.id FROM cases c WHERE c.tenant_id = current_tenant AND c.search_vector @@ query)
    SELECT m.id FROM m ORDER BY m.id DESC LIMIT how_many;
END $$;

-- The cases of the newest `how_many` messages, replies and internal notes, that match (a case once
-- per matching message: the caller keeps each once), found as app_case_search_newest finds cases.
CREATE FUNCTION app_message_search_newest(query tsquery, how_many integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  current_tenant uuid := app_current_tenant();
  probed integer;
  matched integer;
  walked uuid[];
BEGIN
  IF current_tenant IS NULL OR how_many < 1 THEN
    RETURN;
  END IF;
  SELECT count(*), count(*) FILTER (WHERE p.search_vector @@ query) INTO probed, matched
    FROM (SELECT m.search_vector FROM case_messages m WHERE m.tenant_id = current_tenant ORDER BY m.id DESC LIMIT 1000) p;
  IF probed < 1000 OR (matched > 0 AND how_many::bigint * probed <= matched::bigint * 100000) THEN
    walked := ARRAY(
      SELECT w.case_id FROM (SELECT m.case_id, m.search_vector FROM case_messages m WHERE m.tenant_id = current_tenant ORDER BY m.id DESC LIMIT 100000 OFFSET 0) w
       WHERE w.search_vector @@ query
       LIMIT how_many);
    IF probed < 1000 OR cardinality(walked) = how_many
       OR (SELECT count(*) FROM (SELECT 1 FROM case_messages m WHERE m.tenant_id = current_tenant LIMIT 100001) n) <= 100000 THEN
      RETURN QUERY SELECT unnest(walked);
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
    WITH m AS MATERIALIZED (SELECT m.id, m.case_id FROM case_messages m WHERE m.tenant_id = current_tenant AND m.search_vector @@ query)
    SELECT m.case_id FROM m ORDER BY m.id DESC LIMIT how_many;
END $$;

DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_text_config(uuid) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_case_search_ids(tsquery) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_case_search_newest(tsquery, integer) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_message_search_newest(tsquery, integer) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_text_config(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_case_search_ids(tsquery) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_case_search_newest(tsquery, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_message_search_newest(tsquery, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_text_config(uuid) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_case_search_ids(tsquery) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_case_search_newest(tsquery, integer) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_message_search_newest(tsquery, integer) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION case_search_vector(regconfig, text, text) TO caseboard_app, caseboard_privileged;
