// What the tenancy layer costs on the hottest kind of query: the first page of a tenant's cases
// (a Prisma findMany with the summary select; cases.list itself now runs a keyset query for ids
// first, which the HTTP list benchmark measures). Variants peel the layers off one at a time:
//   tenant transaction  withTenantDb: transaction, SET ROLE caseboard_app, app.tenant_id, the
//                       tenancy extension, RLS on cases and on the joined users   (what requests run)
//   privileged tx       the same findMany with an explicit tenantId filter, in a transaction as
//                       caseboard_privileged (policies USING (true))
//   prisma, no tx       the same findMany on the client as the connecting role (no transaction)
//   raw SQL             one hand-written query with the same columns, no Prisma, no tenancy
import { privilegedTransaction } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { caseSummarySelect } from "@/server/services/cases/case-select";
import type { Prisma } from "@/server/db/generated/client";
import { compareSideBySide, type Variant } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const PAGE = 25;
const orderBy = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.CaseOrderByWithRelationInput[];

const RAW_PAGE = `
  SELECT c.id, c.number, c.title, c.status, c.priority, c.channel, c.tags, c.version, c.created_at, c.updated_at,
         u.id AS assignee_id, u.name AS assignee_name
    FROM cases c
    LEFT JOIN users u ON u.id = c.assignee_id
   WHERE c.tenant_id = $1
   ORDER BY c.created_at DESC, c.id DESC
   LIMIT $2`;

export const tenancyBench: BenchModule = {
  name: "tenancy",
  title: `tenancy — cost of the tenancy layer on a case-list page (first page of ${PAGE}, created_at desc, id desc)`,
  async run(ctx) {
    const cases = ctx.quick ? 2_000 : 20_000;
    const tenant = await ctx.syntheticTenant("bench-tenancy", cases);
    // A second tenant of the same size, so the filters and policies have rows to exclude.
    await ctx.syntheticTenant("bench-neighbour", cases);
    const { prisma } = ctx.db;
    // take = limit + 1, as the procedure does to know whether there is a next page.
    const args = { select: caseSummarySelect, orderBy, take: PAGE + 1 } as const;

    const variants: Variant[] = [
      { label: "tenant transaction (as requests)", fn: () => withTenantDb(tenant.id, (db) => db.case.findMany(args)) },
      {
        label: "privileged tx + explicit tenantId",
        fn: () => privilegedTransaction(prisma, (tx) => tx.case.findMany({ ...args, where: { tenantId: tenant.id } })),
      },
      { label: "prisma, no transaction", fn: () => prisma.case.findMany({ ...args, where: { tenantId: tenant.id } }) },
      { label: "raw SQL, no tenancy", baseline: true, fn: () => ctx.db.sql.query(RAW_PAGE, [tenant.id, PAGE + 1]) },
    ];

    // The comparison means nothing unless every variant returns the same page.
    const pages = await Promise.all(
      variants.map(async (v) => ((await v.fn()) as { id: string }[]).map((row) => row.id).join(",")),
    );
    if (pages.some((p) => p !== pages[0]) || pages[0]!.split(",").length !== PAGE + 1) {
      throw new Error(`tenancy: the variants returned different pages; ${variants.map((v, i) => `${v.label}: ${pages[i]!.slice(0, 40)}…`).join("; ")}`);
    }

    const rows = await compareSideBySide(variants, {
      durationMs: ctx.quick ? 1_000 : 5_000,
      onRound: (round, rounds) => {
        if (round % 5 === 0 || round === rounds) ctx.log(`tenancy: ${round}/${rounds} rounds`);
      },
    });
    const [tenantTx, privilegedTx, noTx, raw] = rows.map((r) => r.stats);
    const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${Math.round(((a - b) / b) * 100)}%`;
    return {
      subtitle: `tenant of ${cases.toLocaleString("en-US")} cases, a neighbour of ${cases.toLocaleString("en-US")}`,
      rows,
      notes: [
        `tenancy itself (tenant tx vs privileged tx): ${pct(tenantTx!.p50, privilegedTx!.p50)} p50, ` +
          `+${(tenantTx!.p50 - privilegedTx!.p50).toFixed(2)} ms per request`,
        `interactive transaction (privileged tx vs no tx): ${pct(privilegedTx!.p50, noTx!.p50)} p50; ` +
          `Prisma vs raw SQL: ${pct(noTx!.p50, raw!.p50)} p50`,
      ],
    };
  },
};
