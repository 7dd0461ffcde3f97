-- ---------------------------------------------------------------------------------------------
-- Hand-written: text search that the indexes can answer under row-level security.
--
-- Why functions. For caseboard_app every table has the policy `tenant_id = app_current_tenant()`,
-- and PostgreSQL evaluates a query's own conditions before the policy's only when they are
-- LEAKPROOF (otherwise a condition could raise an error or take a time that tells about another
-- tenant's row). Using a condition as an index condition evaluates it first, so a condition that
-- is not leakproof can never become one for caseboard_app. `@@` (ts_match_vq) and LIKE (textlike)
-- are not leakproof: as caseboard_app, `to_tsvector(...) @@ q` could not use cases_search_idx and
-- the planner walked the tenant's created_at index instead, running to_tsvector on every case
-- (4.65 s for `q=printer` on a tenant of 50k cases; the index alone: 0.12 ms). Marking the
-- operators LEAKPROOF needs a superuser, which a managed database does not give.
--
-- These functions run as caseboard_privileged (SECURITY DEFINER), whose policy is USING (true):
-- no qual of a policy stands between the condition and the index, so the GIN indexes answer.
-- Each function restricts itself to the tenant exactly as the policy does (app_current_tenant(),
-- the transaction's setting), takes no tenant argument, returns nothing without a tenant set, and
-- returns only ids, which the caller then reads through its own policy.
-- SQL functions with SECURITY DEFINER and SET are never inlined into the calling query, so the
-- body runs as written, as the owner. search_path is pinned (pg_temp last) so no one can put a
-- function or table of their own in front of the ones the body names.
-- ---------------------------------------------------------------------------------------------

-- The current tenant's cases whose text matches `query`. The expression is cases_search_idx's.
-- A tsquery, not the search text: the cases list passes websearch_to_tsquery(q), the search
-- palette a query whose last word is a prefix; both are built by the caller in SQL from bound
-- parameters, so user input never reaches tsquery syntax unparsed.
CREATE FUNCTION app_case_search_ids(query tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT c.id
      FROM cases c
     WHERE c.tenant_id = app_current_tenant()
       AND to_tsvector('simple', c.title || ' ' || c.description) @@ $1
  $$;

-- The current tenant's customers whose lower-case name (or, when `with_company`, company) matches
-- the LIKE `pattern` (already lower-case and escaped by the caller). The branches are separate so
-- each is answered by its own trigram index; with `with_company` false the second is skipped at
-- execution (a one-time filter). UNION, not UNION ALL: a customer matching twice counts once.
CREATE FUNCTION app_customer_search_ids(pattern text, with_company boolean) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT cu.id FROM customers cu
     WHERE cu.tenant_id = app_current_tenant() AND lower(cu.name) LIKE $1
    UNION
    SELECT cu.id FROM customers cu
     WHERE $2 AND cu.tenant_id = app_current_tenant() AND lower(cu.company) LIKE $1
  $$;

-- Company search in the search palette (an expression index, which the schema engine leaves alone,
-- like customers_name_trgm_idx).
CREATE INDEX "customers_company_trgm_idx" ON "customers" USING GIN (lower("company") gin_trgm_ops);

-- Owned by caseboard_privileged, the one role whose policies span tenants; a function owned by the
-- migrating user would see nothing on a managed database, where that user is not a superuser and
-- FORCE ROW LEVEL SECURITY binds it. Giving a function away requires the new owner to be allowed to
-- create in the schema: granted for the moment of the transfer only, unless it already was.
DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_case_search_ids(tsquery) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_customer_search_ids(text, boolean) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

-- Functions are executable by PUBLIC by default: only the application's two roles may call these.
REVOKE ALL ON FUNCTION app_case_search_ids(tsquery) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_customer_search_ids(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_case_search_ids(tsquery) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_customer_search_ids(text, boolean) TO caseboard_app, caseboard_privileged;
