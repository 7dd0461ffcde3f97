// Opens the database once per process: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite under .data/. Both are reached through a Prisma driver adapter, so the rest
// of the code cannot tell them apart. Every way to a connection passes the admission gate
// (admission.ts), and every statement is timed for the slow-query log (query-log.ts).
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/env";
import { logger } from "@/server/logger";
import { PrismaClient } from "./generated/client";
import { AdmissionPool, ConnectionGate, gatedPGlite, type AdmissionStats } from "./admission";
import { acquireDataDirLock } from "./data-dir-lock";
import { createPGlite } from "./pglite";
import { timedAdapterFactory } from "./query-log";
import { pgliteTransactions, poolTransactions, type ScopedTransactions } from "./scoped-transaction";
import { pgliteExecutor, poolExecutor, type SqlExecutor } from "./sql-executor";

export type DatabaseKind = "embedded" | "postgres";

export interface Database {
  readonly kind: DatabaseKind;
  /** Runs as the connecting role. Only the db module touches it: see tenant-db.ts and privileged-db.ts. */
  readonly prisma: PrismaClient;
  /** Transactions opened with their settings in one round trip, with a client bound to them: see tenant-db.ts. */
  readonly transactions: ScopedTransactions;
  readonly sql: SqlExecutor;
  /** Connections in use and callers waiting for one (admission control). */
  admission(): AdmissionStats;
  /** Throws DatabaseOverloadedError (503 OVERLOADED) when a new caller would be refused a connection now. */
  refuseIfBusy(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL, or undefined for the embedded database. */
  url?: string;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** How long to wait for a new connection before failing (default 5 s). */
  connectTimeoutMs?: number;
  /** Callers that may wait for a connection; one more is refused at once (default DB_QUEUE_LIMIT). */
  queueLimit?: number;
  /** How long a caller may wait for a connection (default DB_QUEUE_TIMEOUT_MS). */
  queueTimeoutMs?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  // (The fallbacks are for SKIP_ENV_VALIDATION builds, which leave defaults unset.)
  const queueLimit = options.queueLimit ?? env.DB_QUEUE_LIMIT ?? 20;
  const queueTimeoutMs = options.queueTimeoutMs ?? env.DB_QUEUE_TIMEOUT_MS ?? 1_000;
  if (options.url) {
    const poolSize = options.poolSize ?? env.DB_POOL_SIZE;
    const pool = new AdmissionPool(
      {
        connectionString: options.url,
        max: poolSize,
        // A server that does not answer (network cut, host down) fails a request within seconds
        // (a 503) instead of holding it until the socket gives up; a refused connection fails at once.
        connectionTimeoutMillis: options.connectTimeoutMs ?? Math.min(5_000, env.REQUEST_TIMEOUT_MS),
        keepAlive: true,
      },
      { queueLimit, queueTimeoutMs },
    );
    // An idle connection that breaks (server restart, database dropped) emits here; unhandled,
    // it would end the process. The pool drops that connection and opens another when needed, so
    // this is a warning: a request that then cannot reach the database logs its own 503.
    pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
    const prisma = new PrismaClient({ adapter: timedAdapterFactory(new PrismaPg(pool)) });
    const transactions = poolTransactions(pool);
    return {
      kind: "postgres",
      prisma,
      transactions,
      sql: poolExecutor(pool),
      admission: () => pool.gate.stats,
      refuseIfBusy: () => pool.gate.refuseNewcomerIfBusy(),
      async close() {
        await Promise.all([prisma.$disconnect(), transactions.prisma.$disconnect()]);
        await pool.end();
      },
    };
  }
  const dataDir = options.dataDir ?? env.PGLITE_DATA_DIR;
  const release = dataDir.startsWith("memory://") ? () => {} : await acquireDataDirLock(dataDir);
  // PGlite has one backend: its own mutex serialises every query and holds it for a whole
  // transaction, so concurrent requests can never share a transaction or tenant setting. The gate
  // in front of it bounds the queue its mutex would otherwise grow without limit.
  const pglite = await createPGlite(dataDir);
  const gate = new ConnectionGate({ permits: 1, queueLimit, queueTimeoutMs });
  const gated = gatedPGlite(pglite, gate);
  // The adapter calls only query, exec and transaction, which the gated object has.
  const prisma = new PrismaClient({ adapter: timedAdapterFactory(new PrismaPGlite(gated as PGlite)) });
  const transactions = pgliteTransactions(gated);
  return {
    kind: "embedded",
    prisma,
    transactions,
    sql: pgliteExecutor(gated),
    admission: () => gate.stats,
    refuseIfBusy: () => gate.refuseNewcomerIfBusy(),
    async close() {
      await Promise.all([prisma.$disconnect(), transactions.prisma.$disconnect()]);
      await pglite.close();
      release();
    },
  };
}
