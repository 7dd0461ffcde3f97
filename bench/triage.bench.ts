// The learned triage model on a tenant with as many resolved cases as it learns from (50,000 on
// PostgreSQL, 5,000 embedded), filed as their subjects usually are. Side by side:
//   suggest for a typed text   ai.learnedTriage's service: the text's stemmed words against the
//                              stored counts of those words only, for the three fields (baseline)
//   read the whole model       what an in-process classifier would read to answer the same: every
//                              stored count of the three fields (per request, or per process and
//                              then stale until it reloads)
// The training is timed once, and its held-out accuracy must be high on such data, or the figures
// mean nothing.
import { SUBJECT_FILING } from "@/server/services/seed/demo-data";
import { ensureSyntheticTenant } from "@/server/services/seed/bulk-cases";
import { withTenantDb } from "@/server/db/tenant-db";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { predictText } from "@/server/services/triage-model/predict-triage";
import { MAX_EXAMPLES, trainTriageModels } from "@/server/services/triage-model/train-triage-model";
import { compareSideBySide } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const SUBJECTS = Object.keys(SUBJECT_FILING);
const EXTRA = ["please help", "since yesterday", "for the second time", "urgent", "my colleague says", "thanks in advance", "again today", "on the mobile app"];
const TYPED = ["Refund still not received after two weeks", "Cannot log in, password reset does not work", "Webhook deliveries failing for our endpoint", "Question about adding seats to the enterprise plan"];

// $1 tenant, $2 rows, $3 subjects, $4 categories, $5 units, $6 extra words: a case's words are its
// subject's, two phrases of noise and a dozen words of a 30,000-word vocabulary drawn with a long
// tail (as a real tenant's descriptions hold names, products and typos); one in six is filed at
// random, as people sometimes do.
const INSERT = `
INSERT INTO cases (id, tenant_id, title, description, status, category, business_unit, priority, resolved_at, created_at, updated_at)
SELECT gen_random_uuid(), $1::uuid, ($3::text[])[x.i],
       ($6::text[])[1 + floor(x.r1 * cardinality($6::text[]))::int] || ', ' || ($6::text[])[1 + floor(x.r2 * cardinality($6::text[]))::int]
         || ' ' || (SELECT string_agg(substr(translate(md5(floor(30000 * random() ^ 3)::text), '0123456789', 'ghijklmnop'), 1, 8), ' ')
                      FROM generate_series(1, 12 + x.g % 1)),
       'RESOLVED',
       CASE WHEN x.r3 < 5.0 / 6 THEN ($4::text[])[x.i] ELSE (ARRAY['Question', 'Problem', 'Incident', 'Request'])[1 + floor(x.r4 * 4)::int] END,
       CASE WHEN x.r5 < 5.0 / 6 THEN ($5::text[])[x.i] ELSE (ARRAY['Consumer', 'Business'])[1 + floor(x.r4 * 2)::int] END,
       (ARRAY['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + floor(x.r2 * 4)::int]::"CasePriority",
       now() - x.r1 * interval '60 days', now() - interval '61 days', now() - x.r1 * interval '60 days'
  FROM (SELECT g, 1 + floor(random() * cardinality($3::text[]))::int AS i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
          FROM generate_series(1, $2::int) AS g OFFSET 0) x`;

export const triageBench: BenchModule = {
  name: "triage",
  title: "learned triage — a suggestion for a typed text (its words against the stored counts) vs reading the whole model",
  optIn: true,
  async run(ctx) {
    const count = (ctx.kind === "postgres" ? MAX_EXAMPLES : 5_000) / (ctx.quick ? 10 : 1);
    const tenant = await ensureSyntheticTenant(ctx.db, { slug: "bench-triage-v2", name: "bench-triage", agents: 2 });
    if (tenant.created) {
      const started = performance.now();
      await ctx.db.sql.transaction(async (tx) => {
        await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
        await tx.query(`UPDATE tenants SET settings = settings || '{"businessUnits": ["Consumer", "Business"]}'::jsonb WHERE id = $1`, [tenant.id]);
        await tx.query(INSERT, [tenant.id, count, SUBJECTS, SUBJECTS.map((s) => SUBJECT_FILING[s]!.category), SUBJECTS.map((s) => SUBJECT_FILING[s]!.businessUnit), EXTRA]);
      });
      await ctx.db.sql.exec(`VACUUM (ANALYZE) cases`);
      ctx.log(`triage: ${count.toLocaleString("en-US")} resolved cases in ${Math.round(performance.now() - started)} ms`);
    }
    const withDb = <R>(fn: Parameters<typeof withTenantDb<R>>[1]) => withTenantDb(tenant.id, fn, { timeoutMs: 600_000 });

    const t0 = performance.now();
    const trained = await trainTriageModels(withDb);
    const trainMs = performance.now() - t0;
    const category = trained.find((t) => t.field === "category");
    if (category?.status !== "trained" || category.correct / category.heldOut < 0.75) throw new Error(`triage: the category model is not right enough to measure (${JSON.stringify(category)})`);
    await ctx.db.sql.exec(`VACUUM (ANALYZE) triage_model_terms`);
    const terms = await withDb((db) => db.triageModelTerm.count());

    let i = 0;
    const suggest = () => withDb(async (db) => predictText(db, TYPED[i++ % TYPED.length]!, await loadTenantSettings(db)));
    const readAll = () => withDb((db) => db.triageModelTerm.findMany({ select: { field: true, lexeme: true, label: true, count: true } }));
    const rows = await compareSideBySide(
      [
        { label: "suggest for a typed text (3 fields)", baseline: true, fn: suggest },
        { label: "read the whole model (3 fields)", fn: readAll },
      ],
      { durationMs: ctx.quick ? 2_000 : 15_000, blockMs: 500, onRound: (r, n) => ctx.log(`triage: ${r}/${n} rounds`) },
    );
    return {
      subtitle: `${count.toLocaleString("en-US")} resolved cases; ${terms.toLocaleString("en-US")} stored word counts` + (ctx.kind === "embedded" || ctx.quick ? "; scaled down" : ""),
      rows,
      notes: [
        `training (3 fields, ${MAX_EXAMPLES.toLocaleString("en-US")} newest cases at most, one in five held out): ${Math.round(trainMs)} ms`,
        ...trained.map((t) => (t.status === "trained" ? `${t.field}: learned from ${t.examples.toLocaleString("en-US")}, right on ${Math.round((t.correct / t.heldOut) * 100)} % of ${t.heldOut.toLocaleString("en-US")} held out` : `${t.field}: too few examples`)),
      ],
    };
  },
};
