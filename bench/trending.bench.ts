// Trending topics on a busy tenant: 30 days of cases (PostgreSQL 3,000 a day, 90,000 in all, each
// with a customer message; the embedded database a tenth), the last day carrying a planted surge.
// Side by side:
//   hourly run          computeTrending as the hourly job runs it once the baseline days are
//                       counted: the last 24 hours' text, 28 days of counts          (baseline)
//   recount 28 days     the design not taken: the same run reading the 28 days' text again to
//                       count the baseline (what topic_days saves each hour)
// The first run of a tenant (which counts the 28 days) is timed once, and the planted topic must
// rank first, or the figures mean nothing.
import { ensureSyntheticTenant } from "@/server/services/seed/bulk-cases";
import { withTenantDb } from "@/server/db/tenant-db";
import { computeTrending } from "@/server/services/insights/trending/compute-trending";
import { baselineRange } from "@/server/services/insights/trending/baseline-days";
import { topicTermCtes } from "@/server/services/insights/trending/topic-terms";
import type { Database } from "@/server/db/connection";
import { compareSideBySide } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const DAY_MS = 86_400_000;
const DAYS = 30;
const SUBJECTS = [
  "Cannot sign in to my account", "Refund request for last order", "Invoice is wrong", "App crashes on start", "Change my subscription plan",
  "Delivery is late", "Password reset link expired", "Order arrived damaged", "Wrong size sent", "Tracking number does not work",
  "Double charged on my card", "Cancel my order please", "Discount code not accepted", "How do I export my data", "Notifications stopped working",
  "Cannot upload a profile photo", "Question about warranty", "Item missing from package", "Update billing address", "Two-factor code never arrives",
];
const MESSAGES = [
  "Hello, I tried again this morning and it still does not work.", "Could you please look into this as soon as possible?",
  "I attached a screenshot of the error I see.", "This is the third time I am writing about this.", "Thanks for the quick answer, one more question though.",
];
const SURGE = "Card declined at checkout with error 3DS";

// $1 tenant, $2 rows, $3 span start, $4 ms per case, $5 subjects, $6 messages.
const INSERT_CASES = `
WITH made AS (
  INSERT INTO cases (id, tenant_id, title, description, channel, created_at, updated_at)
  SELECT gen_random_uuid(), $1::uuid, ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int],
         'Customer wrote in about this. Details are in the first message.',
         (ARRAY['EMAIL', 'CHAT', 'WEB', 'PHONE'])[1 + floor(random() * 4)::int]::"CaseChannel",
         $3::timestamptz + (g - 1 + random()) * ($4::float8 * interval '1 millisecond'), now()
    FROM generate_series(1, $2::int) AS g
  RETURNING id, created_at
)
INSERT INTO case_messages (id, tenant_id, case_id, kind, author_type, body, created_at)
SELECT gen_random_uuid(), $1::uuid, id, 'PUBLIC_REPLY', 'CUSTOMER', ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int],
       LEAST(now() - interval '1 second', created_at + interval '1 hour')
  FROM made`;

async function seed(db: Database, slug: string, perDay: number, log: (m: string) => void): Promise<string> {
  const tenant = await ensureSyntheticTenant(db, { slug, name: slug, agents: 2 });
  if (!tenant.created) return tenant.id;
  const started = performance.now();
  const insert = (rows: number, from: Date, spanMs: number, subjects: string[]) =>
    db.sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
      await tx.query(INSERT_CASES, [tenant.id, rows, from, spanMs / rows, subjects, MESSAGES]);
    });
  for (let day = DAYS; day >= 1; day--) await insert(perDay, new Date(Date.now() - day * DAY_MS), DAY_MS, SUBJECTS);
  // The surge: 2 % of a day's cases on one new thing, spread over the last 12 hours.
  await insert(Math.max(10, Math.round(perDay / 50)), new Date(Date.now() - DAY_MS / 2), DAY_MS / 2 - 60_000, [SURGE]);
  log(`trending: ${slug} seeded (${(perDay * DAYS).toLocaleString("en-US")} cases and as many messages) in ${Math.round(performance.now() - started)} ms`);
  return tenant.id;
}

export const trendingBench: BenchModule = {
  name: "trending",
  title: "trending — the hourly computation (28 days of counts) vs recounting 28 days of text each hour",
  optIn: true,
  async run(ctx) {
    const perDay = (ctx.kind === "postgres" ? 3_000 : 300) / (ctx.quick ? 10 : 1);
    const tenantId = await seed(ctx.db, "bench-trending", perDay, ctx.log);
    await ctx.db.sql.exec(`VACUUM (ANALYZE) cases, case_messages`);
    const withDb = <R>(fn: Parameters<typeof withTenantDb<R>>[1]) => withTenantDb(tenantId, fn, { timeoutMs: 600_000 });

    const t0 = performance.now();
    const first = await computeTrending(withDb);
    const firstMs = performance.now() - t0;
    const top = await withDb((db) => db.trendingTopic.findFirst({ where: { runId: first.runId }, orderBy: { rank: "asc" }, select: { label: true, term: true, related: true, cases: true } }));
    if (!top || !/declin|checkout|3ds/.test(top.term)) throw new Error(`trending: the planted topic is not first (got ${JSON.stringify(top)})`);

    const hourly = () => computeTrending(withDb);
    // The baseline from text: every term of every day of the 28, grouped by day, as topic_days holds it.
    const recount = async () => {
      const now = new Date();
      const range = baselineRange(new Date(now.getTime() - DAY_MS));
      await withDb((db) => db.$queryRaw`WITH ${topicTermCtes(tenantId, range.from, range.to, { language: "english" })} SELECT term, date_trunc('day', at) AS day, count(*)::int FROM per_case GROUP BY 1, 2`);
      return computeTrending(withDb);
    };
    const rows = await compareSideBySide(
      [
        { label: "hourly run (counted baseline days)", baseline: true, fn: hourly },
        { label: "same run, recounting 28 days of text", fn: recount },
      ],
      // Rounds of at least a second per variant: a recount takes seconds on PostgreSQL.
      { durationMs: ctx.quick ? 2_000 : 20_000, blockMs: ctx.quick ? 500 : 1_000, warmupMs: 0, onRound: (r, n) => ctx.log(`trending: ${r}/${n} rounds`) },
    );
    const days = await withDb((db) => db.topicDay.count());
    return {
      subtitle: `${(perDay * DAYS).toLocaleString("en-US")} cases over ${DAYS} days, each with a customer message` + (ctx.kind === "embedded" || ctx.quick ? "; scaled down" : ""),
      rows,
      notes: [
        `first run of the tenant (counts 28 days): ${Math.round(firstMs)} ms; topic_days holds ${days.toLocaleString("en-US")} rows`,
        `the window: ${first.cases.toLocaleString("en-US")} cases, ${first.candidates.toLocaleString("en-US")} words and phrases in at least 3 of them, ${first.topics} ${first.topics === 1 ? "topic" : "topics"}`,
        `first topic: "${top.label}" in ${top.cases} cases (planted ${Math.max(10, Math.round(perDay / 50))}), also ${top.related.map((r) => `"${r}"`).join(", ") || "nothing"}`,
      ],
    };
  },
};
