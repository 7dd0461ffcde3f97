// A minimal SQL surface shared by PGlite and node-postgres, for the few places that run SQL
// outside Prisma: the migration runner, readiness checks and bulk seeding. Its statements are
// timed for the slow-query log like Prisma's.
import type { Pool } from "pg";
import type { PGliteQueries } from "./admission";
import { timed } from "./query-log";

export interface SqlExecutor {
  /** Runs one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` on one connection inside a transaction. */
  transaction<T>(fn: (tx: Omit<SqlExecutor, "transaction">) => Promise<T>): Promise<T>;
}

export function pgliteExecutor(pg: PGliteQueries): SqlExecutor {
  return {
    async exec(sql) {
      await timed(sql, () => pg.exec(sql));
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await timed(sql, () => pg.query<Row>(sql, params))).rows;
    },
    transaction(fn) {
      return pg.transaction((tx) =>
        fn({
          exec: async (sql) => void (await timed(sql, () => tx.exec(sql))),
          query: async <Row,>(sql: string, params?: unknown[]) => (await timed(sql, () => tx.query<Row>(sql, params))).rows,
        }),
      );
    },
  } as SqlExecutor;
}

export function poolExecutor(pool: Pool): SqlExecutor {
  return {
    async exec(sql) {
      await timed(sql, () => pool.query(sql));
    },
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await timed(sql, () => pool.query<Row>(sql, params))).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => void (await timed(sql, () => client.query(sql))),
          query: async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
            (await timed(sql, () => client.query<Row>(sql, params))).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
