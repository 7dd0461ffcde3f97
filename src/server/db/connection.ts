// Opens the database once per process: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite under .data/. Both are reached through a Prisma driver adapter, so the rest
// of the code cannot tell them apart.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { env } from "@/env";
import { logger } from "@/server/logger";
import { PrismaClient } from "./generated/client";
import { acquireDataDirLock } from "./data-dir-lock";
import { pgliteExecutor, poolExecutor, type SqlExecutor } from "./sql-executor";

export type DatabaseKind = "embedded" | "postgres";

export interface Database {
  readonly kind: DatabaseKind;
  /** Runs as the connecting role. Only the db module touches it: see tenant-db.ts and privileged-db.ts. */
  readonly prisma: PrismaClient;
  readonly sql: SqlExecutor;
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
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? env.DB_POOL_SIZE,
      // A server that does not answer (network cut, host down) fails a request within seconds
      // (a 503) instead of holding it until the socket gives up; a refused connection fails at once.
      connectionTimeoutMillis: options.connectTimeoutMs ?? Math.min(5_000, env.REQUEST_TIMEOUT_MS),
      keepAlive: true,
    });
    // An idle connection that breaks (server restart, database dropped) emits here; unhandled,
    // it would end the process. The pool drops that connection and opens another when needed.
    pool.on("error", (error) => logger.error({ err: error }, "idle database connection failed"));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgres",
      prisma,
      sql: poolExecutor(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dataDir = options.dataDir ?? env.PGLITE_DATA_DIR;
  const release = dataDir.startsWith("memory://") ? () => {} : await acquireDataDirLock(dataDir);
  // PGlite has one backend: its own mutex serialises every query and holds it for a whole
  // transaction, so concurrent requests can never share a transaction or tenant setting.
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    sql: pgliteExecutor(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}
