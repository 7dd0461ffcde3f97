// How the tables would be laid out on Citus (docs/scaling.md), and the rules the schema keeps so
// that moving there is configuration, not a migration of keys. The schema is held to it by
// distribution.test.ts, which reads the catalog of a migrated database with `distributionViolations`.
import type { SqlExecutor } from "./sql-executor";

/**
 * Sharded by tenant_id and colocated: a tenant's rows of all of them live on one node, so every
 * query of a tenant transaction (which always names its tenant) is a single-shard query, joins
 * and foreign keys included.
 */
export const DISTRIBUTED_TABLES = [
  "memberships",
  "audit_events",
  "case_counters",
  "cases",
  "customers",
  "case_followers",
  "case_messages",
  "case_events",
  "realtime_counters",
  "realtime_events",
  "saved_views",
  "canned_responses",
  "macros",
  "chat_visitors",
  "notifications",
  "files",
  "attachments",
  "imports",
  "teams",
  "team_members",
  "escalation_rules",
  "notification_preferences",
  "alerts",
  "alert_rules",
  "feed_items",
  "search_events",
  "search_opens",
  "agent_runs",
  "ai_usage",
  "case_suggestions",
  "topic_days",
  "trending_runs",
  "trending_topics",
  "case_report_facts",
  "case_report_rollups",
  "case_report_states",
  "triage_models",
  "triage_model_terms",
  "search_terms",
] as const;

/**
 * Copied to every node. Small, and read by a key that comes before any tenant is known (a slug in
 * the URL, an e-mail at sign-in, the hash of a presented API key or invitation token), so they
 * cannot be sharded by tenant: the lookup would have to ask every shard.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  tenants: "the tenant itself, found by slug",
  users: "people across tenants, found by e-mail",
  user_sessions: "a browser's session, checked by its id on every request before the tenant is known",
  password_reset_tokens: "found by the hash of the token in the link",
  api_keys: "tenant-owned, but found by the hash of the presented key before the tenant is known",
  invitations: "tenant-owned, but found by the hash of the token in the link before the tenant is known",
  tenant_slug_redirects: "tenant-owned, but found by an old slug before the tenant is known",
  chat_widgets: "tenant-owned, but found by the public id its embed snippet names before the tenant is known",
};

/**
 * Kept on the coordinator only: the job queue is claimed across tenants (FOR UPDATE SKIP LOCKED
 * over every due job, platform jobs with no tenant among them), which a sharded table cannot do
 * in one statement.
 */
export const COORDINATOR_TABLES: Record<string, string> = {
  jobs: "claimed across tenants; platform jobs have no tenant",
  job_runners: "heartbeats of the runners, platform-wide",
  _prisma_migrations: "the migration runner's own bookkeeping",
};

interface KeyRow extends Record<string, unknown> {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
}

/**
 * Everything in `schema` that would stop the tables above from being distributed as described:
 * an unclassified table, a distributed table without a NOT NULL tenant_id or a foreign key to
 * tenants, a primary key or unique index without tenant_id, a foreign key between distributed
 * tables that does not pair tenant_id with tenant_id, and a reference or coordinator table that
 * points into a distributed one (Citus refuses both).
 */
export async function distributionViolations(
  sql: Pick<SqlExecutor, "query">,
  schema = "public",
  plan = { distributed: DISTRIBUTED_TABLES as readonly string[], reference: Object.keys(REFERENCE_TABLES), coordinator: Object.keys(COORDINATOR_TABLES) },
): Promise<string[]> {
  const violations: string[] = [];
  const distributed = new Set(plan.distributed);
  const classified = new Set([...plan.distributed, ...plan.reference, ...plan.coordinator]);

  const tables = await sql.query<{ table: string }>(
    `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema],
  );
  const present = new Set(tables.map((t) => t.table));
  for (const { table } of tables) {
    if (!classified.has(table)) violations.push(`${table}: not classified as distributed, reference or coordinator table`);
  }
  for (const table of classified) {
    if (!present.has(table)) violations.push(`${table}: classified but not in the schema`);
  }

  const tenantColumns = await sql.query<{ table: string; not_null: boolean }>(
    `SELECT c.relname AS "table", a.attnotnull AS not_null FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND a.attname = 'tenant_id' AND NOT a.attisdropped`,
    [schema],
  );
  const tenantColumn = new Map(tenantColumns.map((r) => [r.table, r.not_null]));

  // Primary keys and unique indexes (constraints or bare indexes), foreign keys with both sides.
  const keys = await sql.query<KeyRow>(
    `SELECT c.relname AS "table", i.relname AS name, CASE WHEN x.indisprimary THEN 'primary key' ELSE 'unique index' END AS kind,
            ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            NULL AS ref_table, NULL::text[] AS ref_columns
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND x.indisunique
     UNION ALL
     SELECT c.relname, k.conname, 'foreign key',
            ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord)::text[],
            r.relname,
            ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)::text[]
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND k.contype = 'f'
      ORDER BY 1, 2`,
    [schema],
  );

  for (const table of plan.distributed) {
    if (!present.has(table)) continue;
    if (tenantColumn.get(table) !== true) violations.push(`${table}: distributed by tenant_id, which it must have, NOT NULL`);
    const own = keys.filter((k) => k.table === table);
    if (!own.some((k) => k.kind === "primary key")) violations.push(`${table}: no primary key`);
    if (!own.some((k) => k.kind === "foreign key" && k.ref_table === "tenants" && k.columns.join() === "tenant_id")) {
      violations.push(`${table}: no foreign key from tenant_id to tenants`);
    }
  }

  for (const key of keys) {
    const fromDistributed = distributed.has(key.table);
    if (key.kind !== "foreign key") {
      // An expression in an index shows as a null column: it cannot stand for tenant_id.
      if (fromDistributed && !key.columns.includes("tenant_id")) violations.push(`${key.table}: ${key.kind} ${key.name} (${key.columns.join(", ")}) lacks tenant_id`);
      continue;
    }
    const toDistributed = distributed.has(key.ref_table!);
    if (!fromDistributed && toDistributed) {
      violations.push(`${key.table}: foreign key ${key.name} points into the distributed table ${key.ref_table}`);
    }
    if (fromDistributed && toDistributed) {
      const at = key.columns.indexOf("tenant_id");
      if (at < 0 || key.ref_columns![at] !== "tenant_id") {
        violations.push(`${key.table}: foreign key ${key.name} (${key.columns.join(", ")}) → ${key.ref_table} does not pair tenant_id with tenant_id`);
      }
    }
  }
  return violations;
}
