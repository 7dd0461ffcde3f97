// Text search on a large tenant among 100 (1M cases and 3M messages on PostgreSQL; 50k and 150k
// on the embedded database, scaled down because seeding there is slow), through the real tenant
// transaction (withTenantDb: caseboard_app, RLS):
//   cases list q          listCases with `q` (common word, rare word, phrase, a word no case has,
//                         q plus status and priority filters): inline on a window of the list's
//                         order, else app_case_search_ids (cases_search_vector_idx)
//   search.query          the search palette's service, on the large tenant and on a small one
//                         (5,000 cases) beside it: the newest matches from app_search_newest
// Besides the table, for each list shape: the old condition's p50 (the text parsed and matched
// inline, `to_tsvector(…) @@ websearch_to_tsquery(…)`, in the same statement and transaction),
// which under RLS cannot use an index (`@@` is not leakproof) and walks the created_at index; it
// is measured a few times only, as a rare word then costs seconds. Both must return the same page.
// Before measuring, the plans are checked: app_case_search_ids's body (as the function runs it: a
// generic plan, as caseboard_privileged) must read cases_search_vector_idx, the list query must
// call it, and the newest matches must come from the search index for a rare word and from the
// primary key for a common one; otherwise the bench stops with PLAN REGRESSION.
// The tenants' cases come from one INSERT … SELECT over generate_series per batch (the vectors
// written by the same statement: the trigger that writes them is skipped with the others): titles
// and descriptions drawn from small vocabularies, so "printer" is common (about a quarter of the
// cases), "paper jam" a phrase whose words also occur apart, "zeppelin" rare (20 cases), "xylophone"
// in none. The other tenants have the same words, the rare one included.
import { caseListQuerySchema, type CaseListQueryInput } from "@/lib/validations/case-filters";
import { Prisma } from "@/server/db/generated/client";
import type { Database } from "@/server/db/connection";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { caseFilterConditions, whereSql } from "@/server/services/cases/case-filter-sql";
import { listCases } from "@/server/services/cases/list-cases";
import { search, searchInput } from "@/server/services/search/search";
import { rebuildSearchTerms } from "@/server/services/search/search-terms";
import { ensureSyntheticTenant } from "@/server/services/seed/bulk-cases";
import { compareSideBySide, percentile, type Variant } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const SPAN_MS = 365 * 24 * 3_600_000;
const TITLES = [
  "Printer not working", "Cannot sign in", "Refund request", "Invoice is wrong", "App crashes on start", "Change my plan",
  "Delivery is late", "Password reset needed", "Printing is slow", "Scanner offline", "Order never arrived", "Question about VAT",
];
const SENTENCES = [
  "The printer shows an error light.", "There is a paper jam in tray 2.", "The paper tray is empty again.", "A jam in the feeder stops everything.",
  "I was charged twice this month.", "Please call me back tomorrow.", "The app closes when I open settings.", "My colleague has the same problem.",
  "The parcel tracking has not changed.", "We need this fixed before Friday.", "The invoice shows the wrong address.", "Login works on my phone but not on the laptop.",
];
const RARE_CASES = 20;
/** Cases of each of the small tenants around the large one. */
const SMALL = 200;
/** Three messages per case: two replies from the customer and an internal note between them. */
const MESSAGES = [
  "Thanks, the printer works again.", "Any update on this?", "I tried restarting it, no luck.", "Please see the attached photo.",
  "Our office manager will call you.", "The toner light keeps blinking.", "Checked with the warehouse, shipping tomorrow.", "Customer confirmed the fix.",
];

// $1 tenant, $2 and $3 the numbers of the batch's cases (exclusive, inclusive), $4 bodies, $5 every
// how many cases the rare message word ("quokka", in no title) goes in the first message.
const INSERT_MESSAGES = `
INSERT INTO case_messages (id, tenant_id, case_id, kind, author_type, body, created_at, search_vector)
SELECT x.id, $1::uuid, x.case_id, x.kind, x.author_type, x.body, x.created_at, to_tsvector(app_text_config($1::uuid), x.body)
  FROM (
    SELECT (lpad(to_hex((extract(epoch FROM c.created_at + k * interval '1 hour') * 1000)::bigint), 12, '0') || '7'
              || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid AS id,
           c.id AS case_id,
           (CASE WHEN k = 2 THEN 'INTERNAL_NOTE' ELSE 'PUBLIC_REPLY' END)::"CaseMessageKind" AS kind,
           (CASE WHEN k = 2 THEN 'MEMBER' ELSE 'CUSTOMER' END)::"MessageAuthorType" AS author_type,
           ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] || CASE WHEN k = 1 AND c.number % $5::int = 3 THEN ' The quokka sticker is on the box.' ELSE '' END AS body,
           c.created_at + k * interval '1 hour' AS created_at
      FROM cases c CROSS JOIN generate_series(1, 3) AS k
     WHERE c.tenant_id = $1::uuid AND c.number > $2::int AND c.number <= $3::int
    OFFSET 0
  ) x`;

// $1 tenant, $2 the number before the batch's first, $3 rows, $4 the span's start, $5 ms per case,
// $6 titles, $7 sentences, $8 every how many cases the rare word goes in a title. ids are UUIDv7
// of created_at, like the app's. OFFSET 0 keeps random() drawn once per row.
const INSERT_CASES = `
INSERT INTO cases (id, tenant_id, number, title, description, status, priority, created_at, updated_at, search_vector)
SELECT y.*, case_search_vector(app_text_config($1::uuid), y.title, y.description)
FROM (
  SELECT (lpad(to_hex((extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') || '7'
            || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid AS id,
         $1::uuid AS tenant_id, t.number,
         ($6::text[])[1 + floor(t.r_title * cardinality($6::text[]))::int] || CASE WHEN t.number % $8::int = 7 THEN ' near the zeppelin hangar' ELSE '' END AS title,
         ($7::text[])[1 + floor(t.r_one * cardinality($7::text[]))::int] || ' ' || ($7::text[])[1 + floor(t.r_two * cardinality($7::text[]))::int] AS description,
         (ARRAY['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'])[1 + floor(t.r_status * 5)::int]::"CaseStatus" AS status,
         (ARRAY['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + floor(t.r_priority * 5)::int]::"CasePriority" AS priority,
         t.created_at, t.created_at AS updated_at
  FROM (
    SELECT $2::int + g AS number,
           $4::timestamptz + ($2::int + g - 1 + random()) * ($5::float8 * interval '1 millisecond') AS created_at,
           random() AS r_title, random() AS r_one, random() AS r_two, random() AS r_status, random() AS r_priority
    FROM generate_series(1, $3::int) AS g
    OFFSET 0
  ) t
  OFFSET 0
) y`;

/** A tenant of `count` cases, the numbering trigger kept out of the way as in pulse.bench.ts. */
async function seedTenant(db: Database, slug: string, count: number, log: (m: string) => void): Promise<string> {
  const started = performance.now();
  const tenant = await ensureSyntheticTenant(db, { slug, name: slug, agents: 2 });
  if (!tenant.created) return tenant.id;
  const [role] = await db.sql.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`);
  const batch = 200_000;
  const spanStart = new Date(Date.now() - SPAN_MS);
  for (let done = 0; done < count; done += batch) {
    await db.sql.transaction(async (tx) => {
      if (role?.superuser) await tx.exec(`SET LOCAL session_replication_role = replica`);
      else await tx.exec(`ALTER TABLE cases DISABLE TRIGGER cases_assign_number; SET LOCAL ROLE caseboard_privileged`);
      await tx.query(INSERT_CASES, [tenant.id, done, Math.min(batch, count - done), spanStart, SPAN_MS / count, TITLES, SENTENCES, Math.floor(count / RARE_CASES)]);
      await tx.query(INSERT_MESSAGES, [tenant.id, done, done + batch, MESSAGES, Math.floor(count / RARE_CASES)]);
      if (!role?.superuser) await tx.exec(`RESET ROLE; ALTER TABLE cases ENABLE TRIGGER cases_assign_number`);
    });
    log(`search: ${slug}: ${Math.min(done + batch, count).toLocaleString("en-US")} of ${count.toLocaleString("en-US")} cases (3 messages each)`);
  }
  log(`search: ${slug} seeded in ${Math.round(performance.now() - started)} ms`);
  return tenant.id;
}

interface Shape {
  label: string;
  query: CaseListQueryInput & { q: string };
}

const LIST_SHAPES: Shape[] = [
  { label: "common word (printer)", query: { q: "printer" } },
  { label: "rare word (zeppelin)", query: { q: "zeppelin" } },
  { label: 'phrase ("paper jam")', query: { q: '"paper jam"' } },
  { label: "no case has it (xylophone)", query: { q: "xylophone" } },
  { label: "printer + OPEN + HIGH", query: { q: "printer", status: ["OPEN"], priority: ["HIGH"] } },
];
const SEARCH_SHAPES: { label: string; input: Record<string, unknown> & { q: string } }[] = [
  { label: "prefix (prin)", input: { q: "prin" } },
  { label: "common word (printer)", input: { q: "printer" } },
  { label: "rare word (zeppelin)", input: { q: "zeppelin" } },
  { label: 'phrase ("paper jam")', input: { q: '"paper jam"' } },
  { label: "rare word in messages only (quokka)", input: { q: "quokka" } },
  { label: "common word in messages only (warehouse)", input: { q: "warehouse" } },
  // Matches no word, so the search corrects it against the tenant's vocabulary (typo tolerance).
  { label: "typo of a common word (printre)", input: { q: "printre" } },
  // No word matches and no title is alike: both paths run and find nothing.
  { label: "no results (xylophone)", input: { q: "xylophone" } },
  // The search page: facets always, filters when chosen (the newest 10,000 matches are read).
  { label: "page, facets: rare word (zeppelin)", input: { q: "zeppelin", facets: true } },
  { label: "page, facets: common word (printer)", input: { q: "printer", facets: true } },
  { label: "page, facets: printer + OPEN + HIGH", input: { q: "printer", status: ["OPEN"], priority: ["HIGH"], facets: true } },
];

const CALLER = { userId: null, canReadPii: false };
const PAGE = 25;
/** A script searching through an API key: each search is recorded for analytics, as in production. */
const BENCH_SEARCHER = { userId: null, isApiKey: true, canReadCustomers: true, canReadPii: false };

/** The list's first statement (the page's ids), as listCases builds it, with the given text condition. */
function pageSql(tenantId: string, shape: Shape, oldCondition: boolean): Prisma.Sql {
  const filter = caseListQuerySchema.parse(shape.query);
  const conditions = caseFilterConditions(oldCondition ? { ...filter, q: undefined } : filter, { tenantId, userId: null });
  // The condition before this fix, inline: under RLS never an index condition.
  if (oldCondition) conditions.push(Prisma.sql`to_tsvector((SELECT app_text_config(app_current_tenant())), c.title || ' ' || c.description) @@ websearch_to_tsquery((SELECT app_text_config(app_current_tenant())), ${shape.query.q})`);
  return Prisma.sql`SELECT c.id::text AS id FROM cases c ${whereSql(conditions)} ORDER BY c.created_at DESC, c.id DESC LIMIT ${PAGE + 1}`;
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Function Name"?: string;
  Plans?: PlanNode[];
}

function planNodes(plan: PlanNode): string[] {
  const here = `${plan["Node Type"]}${plan["Index Name"] ? ` on ${plan["Index Name"]}` : ""}${plan["Function Name"] ? ` of ${plan["Function Name"]}` : ""}`;
  return [here, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The plan of the list's page query (as caseboard_app) and of app_case_search_ids's body as the function plans it. */
async function checkPlans(db: Database, tenantId: string, shape: Shape) {
  const [outer] = await withTenantDb(tenantId, (tx) =>
    tx.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>`EXPLAIN (FORMAT JSON) ${pageSql(tenantId, shape, false)}`,
  );
  // A SQL function's body is planned once per call with its argument as a parameter (a generic
  // plan), as its owner: reproduced with PREPARE, forced generic, as caseboard_privileged.
  const inner = await asPrivileged(db, tenantId, async (tx) => {
    const [fn] = await tx.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'app_case_search_ids'`);
    await tx.exec(`SET LOCAL plan_cache_mode = force_generic_plan`);
    await tx.exec(`PREPARE bench_search_body(tsquery) AS ${fn!.body}`);
    try {
      // EXPLAIN EXECUTE takes no bound parameters: the words go in as a quoted literal.
      const [row] = await tx.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE bench_search_body(websearch_to_tsquery(app_text_config(app_current_tenant()), '${shape.query.q.replace(/'/g, "''")}'))`,
      );
      return row!["QUERY PLAN"][0].Plan;
    } finally {
      await tx.exec(`DEALLOCATE bench_search_body`);
    }
  });
  return { outer: planNodes(outer!["QUERY PLAN"][0].Plan), inner: planNodes(inner) };
}

async function asPrivileged<T>(db: Database, tenantId: string, fn: (tx: Parameters<Parameters<Database["sql"]["transaction"]>[0]>[0]) => Promise<T>): Promise<T> {
  return db.sql.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
    await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return fn(tx);
  });
}

/**
 * The plan of one of app_search_newest's two ways for `q`, its statement with the tenant and the
 * words as values (as its EXECUTE … USING plans it): the walk must read the primary key backwards,
 * the index way the search index.
 */
async function newestPlan(db: Database, tenantId: string, table: "cases" | "case_messages", q: string, way: "walk" | "index"): Promise<string[]> {
  const words = `websearch_to_tsquery(app_text_config($1::uuid), $2)`;
  const sql =
    way === "walk"
      ? `SELECT w.id FROM (SELECT t.id, t.search_vector FROM ${table} t WHERE t.tenant_id = $1::uuid ORDER BY t.id DESC LIMIT 100000 OFFSET 0) w WHERE w.search_vector @@ ${words} LIMIT 2000`
      : `WITH m AS MATERIALIZED (SELECT t.id FROM ${table} t WHERE t.tenant_id = $1::uuid AND t.search_vector @@ ${words}) SELECT m.id FROM m ORDER BY m.id DESC LIMIT 2000`;
  return asPrivileged(db, tenantId, async (tx) => {
    const [row] = await tx.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, [tenantId, q]);
    return planNodes(row!["QUERY PLAN"][0].Plan);
  });
}

async function timedPage(tenantId: string, shape: Shape, oldCondition: boolean): Promise<{ ms: number; ids: string[] }> {
  const t0 = performance.now();
  const rows = await withTenantDb(tenantId, (db: TenantDb) => db.$queryRaw<{ id: string }[]>(pageSql(tenantId, shape, oldCondition)), { timeoutMs: 180_000 });
  return { ms: performance.now() - t0, ids: rows.map((r) => r.id) };
}

export const searchBench: BenchModule = {
  name: "search",
  title: "search — cases list q and search.query from the stored vectors (large and small tenant) vs the old inline @@ under RLS",
  optIn: true,
  async run(ctx) {
    const full = ctx.kind === "postgres" ? 1_000_000 : 50_000;
    const size = ctx.quick ? full / 20 : full;
    const neighbour = ctx.quick ? 1_000 : 5_000;
    // The large tenant among 100: the neighbour and 98 more of SMALL cases each.
    const smallTenants = ctx.quick ? 8 : 98;
    const durationMs = ctx.quick ? 1_000 : 6_000;
    const tenantId = await seedTenant(ctx.db, "bench-search", size, ctx.log);
    const neighbourId = await seedTenant(ctx.db, "bench-search-neighbour", neighbour, ctx.log);
    for (let i = 1; i <= smallTenants; i++) await seedTenant(ctx.db, `bench-search-small-${i}`, SMALL, () => {});
    // The vocabularies typos are corrected against (the hourly job's work).
    for (const id of [tenantId, neighbourId]) await withTenantDb(id, (db) => rebuildSearchTerms(db), { timeoutMs: 180_000 });
    await ctx.db.sql.exec(`VACUUM (ANALYZE) cases, case_messages`);

    const notes: string[] = [];
    for (const shape of LIST_SHAPES) {
      const plans = await checkPlans(ctx.db, tenantId, shape);
      const usesIndex = plans.inner.some((n) => n.includes("cases_search_vector_idx"));
      const callsFunction = plans.outer.some((n) => n.includes("app_case_search_ids"));
      notes.push(`${shape.label}: function body ${usesIndex ? "uses cases_search_vector_idx" : "DOES NOT use cases_search_vector_idx"} [${plans.inner.join(" > ")}]; list query [${plans.outer.join(" > ")}]`);
      if (!usesIndex || !callsFunction) {
        throw new Error(`search: PLAN REGRESSION for ${shape.label}: ${!callsFunction ? "the list query does not call app_case_search_ids" : "app_case_search_ids does not read cases_search_vector_idx"}\n  ${notes.join("\n  ")}`);
      }
    }

    // The newest matches: a rare word from the search index, a common one by walking the primary key.
    for (const [table, q, way, index] of [
      ["cases", "zeppelin", "index", "cases_search_vector_idx"],
      ["cases", "printer", "walk", "cases_pkey"],
      ["case_messages", "quokka", "index", "case_messages_search_vector_idx"],
      ["case_messages", "printer", "walk", "case_messages_pkey"],
    ] as const) {
      const plan = await newestPlan(ctx.db, tenantId, table, q, way);
      notes.push(`newest ${table} matching ${q} (${way}): [${plan.join(" > ")}]`);
      if (!plan.some((n) => n.includes(index))) throw new Error(`search: PLAN REGRESSION: the newest ${table} matching "${q}" are not read through ${index}\n  ${notes.join("\n  ")}`);
    }

    // The old condition, a few times per shape (a rare word walks every case of the tenant); its
    // page must be the new one's.
    const old: number[] = [];
    for (const shape of LIST_SHAPES) {
      const fresh = await timedPage(tenantId, shape, false);
      const samples: number[] = [];
      let page: string[] = [];
      while (samples.length < 3 && samples.reduce((a, b) => a + b, 0) < 5_000) {
        const run = await timedPage(tenantId, shape, true);
        samples.push(run.ms);
        page = run.ids;
      }
      if (JSON.stringify(page) !== JSON.stringify(fresh.ids)) throw new Error(`search: ${shape.label}: the old and new conditions returned different pages`);
      old.push(percentile([...samples].sort((a, b) => a - b), 50));
      ctx.log(`search: old condition, ${shape.label}: ${samples.map((s) => Math.round(s)).join(", ")} ms`);
    }

    const samples: number[][] = [];
    const timed = (fn: () => Promise<unknown>) => {
      const mine: number[] = [];
      samples.push(mine);
      return async () => {
        const t0 = performance.now();
        await fn();
        mine.push(performance.now() - t0);
      };
    };
    const variants: Variant[] = [
      ...LIST_SHAPES.map((shape, i) => ({
        label: `cases.list q: ${shape.label}`,
        baseline: i === 1,
        fn: timed(() => withTenantDb(tenantId, (db) => listCases(db, CALLER, { ...caseListQuerySchema.parse(shape.query), limit: PAGE }))),
      })),
      ...SEARCH_SHAPES.map((shape) => ({
        label: `search.query: ${shape.label}`,
        fn: timed(() => withTenantDb(tenantId, (db) => search(db, searchInput.parse(shape.input), BENCH_SEARCHER))),
      })),
      // The same searches on the neighbour: a small tenant must not pay for the large one's rows.
      ...SEARCH_SHAPES.map((shape) => ({
        label: `small tenant, search.query: ${shape.label}`,
        fn: timed(() => withTenantDb(neighbourId, (db) => search(db, searchInput.parse(shape.input), BENCH_SEARCHER))),
      })),
    ];
    const rows = await compareSideBySide(variants, {
      durationMs,
      onRound: (round, rounds) => {
        if (round % 10 === 0 || round === rounds) ctx.log(`search: ${round}/${rounds} rounds`);
      },
    });
    const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
    const p95 = samples.map((s) => percentile([...s].sort((a, b) => a - b), 95));
    const totals = await withTenantDb(tenantId, (db) => search(db, searchInput.parse({ q: "printer", limit: 1 }), BENCH_SEARCHER));
    return {
      subtitle:
        `tenant of ${size.toLocaleString("en-US")} cases and ${(3 * size).toLocaleString("en-US")} messages ("quokka" in ${RARE_CASES} messages only; "printer" in ${totals.totals.cases >= 1_000 ? "1,000+" : totals.totals.cases}, "zeppelin" in ${RARE_CASES}), a neighbour of ${neighbour.toLocaleString("en-US")} and ${smallTenants} tenants of ${SMALL}` +
        (size < 1_000_000 ? `; SCALED DOWN from 1,000,000 (${ctx.kind === "embedded" ? "embedded database" : "--quick"})` : ""),
      rows,
      notes: [
        ...rows.map((r, i) => `${r.label}: p50 ${ms(r.stats.p50)}, p95 ${ms(p95[i]!)}` + (i < LIST_SHAPES.length ? `; old condition p50 ${ms(old[i]!)} (${(old[i]! / r.stats.p50).toFixed(1)}× the new)` : "")),
        `large vs small tenant (p50 of the ${size.toLocaleString("en-US")}-case tenant ÷ the ${neighbour.toLocaleString("en-US")}-case one's, same search):`,
        ...SEARCH_SHAPES.map((shape, i) => {
          const large = rows[LIST_SHAPES.length + i]!.stats.p50;
          const small = rows[LIST_SHAPES.length + SEARCH_SHAPES.length + i]!.stats.p50;
          return `  ${shape.label}: ${(large / small).toFixed(2)}×`;
        }),
        "plans (EXPLAIN; the function's body as caseboard_privileged with a generic plan, the list query as caseboard_app):",
        ...notes.map((n) => `  ${n}`),
      ],
    };
  },
};
