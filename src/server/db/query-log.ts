// The slow-query log: one warn line per statement slower than SLOW_QUERY_MS, with its SQL text
// (truncated; parameters are never logged), duration, tenant, and the request's procedure when the
// request context names one (the logger adds request id and actor).
//
// Timed at the driver adapter rather than with Prisma's `query` event. Both work with driver
// adapters in Prisma 7: the client engine emits query events since prisma/prisma#26202
// (client-engine-runtime's withQuerySpanAndEvent, read in @prisma/client 7.10), with the request's
// AsyncLocalStorage context intact. But the event serialises every query's parameters to JSON
// (`log: [{ level: "query", emit: "event" }]` turns it on for all queries, bulk inserts of
// thousands of values included) and sees only Prisma's statements. Wrapping the adapter costs one
// clock read per statement and sees the same statements; the SQL executor and the tenant
// transactions' own BEGIN/COMMIT report through `reportIfSlow` directly.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";
import { env } from "@/env";
import { currentContext, type RequestContext } from "@/server/context/request-context";
import { logger } from "@/server/logger";
import { currentTenantId } from "./tenant-scope";

const MAX_SQL_CHARS = 500;

/** The procedure, once the request context carries one (it has no such field yet). */
function procedureOf(context: RequestContext | undefined): string | undefined {
  return context && "procedure" in context && typeof context.procedure === "string" ? context.procedure : undefined;
}

export function truncateSql(sql: string): string {
  const oneLine = sql.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_SQL_CHARS ? `${oneLine.slice(0, MAX_SQL_CHARS)}…` : oneLine;
}

/** Logs the statement started at `startedAt` (performance.now()) if it took SLOW_QUERY_MS or longer. */
export function reportIfSlow(sql: string, startedAt: number, threshold = env.SLOW_QUERY_MS): void {
  if (threshold <= 0) return;
  const durationMs = performance.now() - startedAt;
  if (durationMs < threshold) return;
  const context = currentContext();
  logger.warn(
    {
      durationMs: Math.round(durationMs),
      tenantId: currentTenantId() ?? context?.tenant?.id,
      procedure: procedureOf(context),
      sql: truncateSql(sql),
    },
    "slow query",
  );
}

export async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    return await run();
  } finally {
    reportIfSlow(sql, startedAt);
  }
}

function timedQueryable(inner: SqlQueryable): Pick<SqlQueryable, "queryRaw" | "executeRaw"> {
  return {
    queryRaw: (query: SqlQuery) => timed(query.sql, () => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => timed(query.sql, () => inner.executeRaw(query)),
  };
}

function timedTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    ...timedQueryable(inner),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
    createSavepoint: inner.createSavepoint && ((name) => inner.createSavepoint!(name)),
    rollbackToSavepoint: inner.rollbackToSavepoint && ((name) => inner.rollbackToSavepoint!(name)),
    releaseSavepoint: inner.releaseSavepoint && ((name) => inner.releaseSavepoint!(name)),
  };
}

function timedAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    ...timedQueryable(inner),
    executeScript: (script) => timed(script, () => inner.executeScript(script)),
    startTransaction: async (isolationLevel) => timedTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: inner.getConnectionInfo && (() => inner.getConnectionInfo!()),
    dispose: () => inner.dispose(),
  };
}

/** The same adapter, with every statement it runs (in transactions too) timed for the slow-query log. */
export function timedAdapterFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => timedAdapter(await inner.connect()),
  };
}
