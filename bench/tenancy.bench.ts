// What the tenancy layer costs on the hottest kind of query: the first page of a tenant's cases
// (a Prisma findMany with the summary select; cases.list itself now runs a keyset query for ids
// first, which the HTTP list benchmark measures). Variants peel the layers off one at a time:
//   tenant transaction  withTenantDb: a transaction run by hand (BEGIN with role caseboard_app,
//                       app.tenant_id and statement_timeout in one round trip), the tenancy
//                       extension, RLS on cases and on the joined users            (what requests run)
//   …interactive tx     the same as a Prisma interactive transaction with set_config as a raw
//                       query, as withTenantDb ran it until 2026-12 (why it changed: tenant-db.ts)
//   privileged tx       the same findMany with an explicit tenantId filter, in a Prisma interactive
//                       transaction as caseboard_privileged (policies USING (true))
//   prisma, no tx       the same findMany on the client as the connecting role (no transaction)
//   raw SQL             one hand-written query with the same columns, no Prisma, no tenancy
import { privilegedTransaction } from "@/server/db/privileged-db";
import { tenancyExtension } from "@/server/db/tenancy-extension";
import { withTenantDb } from "@/server/db/tenant-db";
import { tenantScope } from "@/server/db/tenant-scope";
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

    const interactive = prisma.$extends(tenancyExtension);
    const variants: Variant[] = [
      { label: "tenant transaction (as requests)", fn: () => withTenantDb(tenant.id, (db) => db.case.findMany(args)) },
      {
        label: "tenant, as interactive tx",
        fn: () =>
          tenantScope.run({ tenantId: tenant.id, beforeCommit: [], afterCommit: [] }, () =>
            interactive.$transaction(async (tx) => {
              await tx.$executeRaw`SELECT set_config('role', 'caseboard_app', true), set_config('app.tenant_id', ${tenant.id}, true)`;
              return tx.case.findMany(args);
            }),
          ),
      },
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
    const [tenantTx, interactiveTx, privilegedTx, noTx, raw] = rows.map((r) => r.stats);
    const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${Math.round(((a - b) / b) * 100)}%`;
    return {
      subtitle: `tenant of ${cases.toLocaleString("en-US")} cases, a neighbour of ${cases.toLocaleString("en-US")}`,
      rows,
      notes: [
        `tenancy itself (tenant tx vs privileged tx): ${pct(tenantTx!.p50, privilegedTx!.p50)} p50, ` +
          `${tenantTx!.p50 >= privilegedTx!.p50 ? "+" : ""}${(tenantTx!.p50 - privilegedTx!.p50).toFixed(2)} ms per request`,
        `tenant tx run by hand vs as an interactive tx: ${pct(tenantTx!.p50, interactiveTx!.p50)} p50 ` +
          `(the interactive one: ${pct(interactiveTx!.p50, privilegedTx!.p50)} vs privileged tx)`,
        `interactive transaction (privileged tx vs no tx): ${pct(privilegedTx!.p50, noTx!.p50)} p50; ` +
          `Prisma vs raw SQL: ${pct(noTx!.p50, raw!.p50)} p50`,
      ],
    };
  },
};
