// Runs work for one tenant inside one transaction in which every statement is bound to that tenant:
// the connection switches to the unprivileged role `caseboard_app` (owns nothing, cannot bypass RLS)
// and sets app.tenant_id for the transaction only. The client handed to `fn` also carries the
// tenancy extension, and runs every query in that transaction (it refuses outside it and after it).
//
// Why not Prisma's interactive transaction ($transaction(async (tx) => …)), which this used until
// 2026-12. Measured with `npm run bench -- --only tenancy` (first page of 25 cases, p50, ratio to the
// same query in a privileged interactive transaction; 2 shared cores; PGlite / PostgreSQL 15):
//   as an interactive transaction, set_config as a Prisma raw query   +32 % / +27 %
//   of which: the tenancy extension (privileged tx + extension)        +2 % / +10 %
//             set_config via $executeRaw instead of SET ROLE Unsafe    +4 % / +11 %
//             RLS and the rest                                          the remainder
// Its statements were BEGIN · SELECT set_config(…) · the page (3 queries: cases, assignees,
// customers) · COMMIT, one round trip each, plus Prisma's per-transaction bookkeeping (a transaction
// record and timers, a proxy client, every query of it passing Prisma's batching on a later tick)
// and its raw-query path for set_config. Now (scoped-transaction.ts): a connection is taken and
// `BEGIN; SELECT set_config(role), set_config(app.tenant_id), set_config(statement_timeout)` goes
// as one simple-protocol message (PGlite: one exec right after its own BEGIN, instead of a parsed
// and bound query); the work runs on a long-lived tenant client whose queries go to that
// connection; then the before-commit hooks; then COMMIT. Same bench after: +1 % / +6 % (the old
// way, measured alongside in the same run: +18 % / +27 %; by hand vs old way: -14 % / -17 %).
// Tried and left out: named (prepared) statements through PrismaPg's statementNameGenerator,
// another ~15 % on PostgreSQL, but one server-side plan per distinct SQL text and connection without
// bound (Prisma's IN lists vary in length), and generic plans chosen for every tenant alike once a
// statement has run five times, whatever the tenant's size.
//
// Guarantees kept: every statement of a call (the work, the hooks) runs in one transaction as
// caseboard_app with app.tenant_id set; the client given to `fn` stays on that transaction even when
// used from another async context (its own extension pins it; the tenant filter still comes from
// the context, so RLS remains a separate check), and nothing runs after COMMIT or ROLLBACK;
// before-commit hooks are the last statements; after-commit hooks run once committed, outside the
// tenant scope. New: each statement has a statement_timeout of the budget (REQUEST_TIMEOUT_MS unless
// given), SQLSTATE 57014 → 503 DATABASE_TIMEOUT; past the budget the transaction is rolled back and
// its connection freed at once, and the call fails with TransactionTimeoutError (also 503
// DATABASE_TIMEOUT) when its work ends. The pin costs one client per call ($extends, ~0.1 ms).
import { env } from "@/env";
import { getDatabase } from "./database";
import { tenancyExtension } from "./tenancy-extension";
import { tenantScope, type TenantScope } from "./tenant-scope";
import type { PrismaClient } from "./generated/client";

function tenantClient(prisma: PrismaClient) {
  return prisma.$extends(tenancyExtension);
}

type TenantClient = ReturnType<typeof tenantClient>;
/** The client of one tenant transaction: what an interactive transaction's client offers (no nested $transaction). */
export type TenantDb = Parameters<Parameters<TenantClient["$transaction"]>[0]>[0];
/** Runs `fn` in a short tenant transaction of its own: what a per-call job handler is given as `withDb`. */
export type WithTenantDb = <R>(fn: (db: TenantDb) => Promise<R>) => Promise<R>;

const clients = new WeakMap<PrismaClient, TenantClient>();

export interface TenantTransactionOptions {
  /** The transaction's budget, and each statement's statement_timeout (default REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

export async function withTenantDb<T>(
  tenantId: string,
  fn: (db: TenantDb) => Promise<T>,
  options: TenantTransactionOptions = {},
): Promise<T> {
  if (tenantScope.getStore()) throw new Error("withTenantDb cannot be nested: use the db you were given");
  const { transactions } = await getDatabase();
  let client = clients.get(transactions.prisma);
  // Stryker disable next-line ConditionalExpression: equivalent; a client built anew on each call behaves the same, the cache only saves building it
  if (!client) {
    client = tenantClient(transactions.prisma);
    clients.set(transactions.prisma, client);
  }
  const tenantDb = client;
  const timeoutMs = options.timeoutMs ?? env.REQUEST_TIMEOUT_MS;
  const scope: TenantScope = { tenantId, beforeCommit: [], afterCommit: [] };
  const result = await tenantScope.run(scope, () =>
    transactions.run(
      // set_config('role', …, true) is SET LOCAL ROLE.
      { settings: { role: "caseboard_app", "app.tenant_id": tenantId }, timeoutMs, statementTimeoutMs: timeoutMs },
      async (pin) => {
        // This call's own client: its queries run on this call's connection even when made from
        // another context (a listener called by another request), as an interactive transaction's
        // client did. The tenant filter still comes from the context, so RLS stays a separate check.
        // Stryker disable next-line ObjectLiteral,StringLiteral: not reached by this module's tests; the pin matters only for a query made from another async context (a realtime listener), which src/server/realtime/*.test.ts exercise
        const db: TenantDb = tenantDb.$extends({ name: "connection-pin", query: { $allOperations: ({ args, query }) => pin(async () => await query(args)) } });
        const value = await fn(db);
        for (const hook of scope.beforeCommit) await hook(db);
        return value;
      },
    ),
  );
  // Outside the tenant scope: what these start must not look like part of the transaction.
  for (const hook of scope.afterCommit) hook();
  return result;
}
