// A minimal SQL surface shared by PGlite and node-postgres, for the few places that run SQL
// outside Prisma: the migration runner, readiness checks and bulk seeding.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";

export interface SqlExecutor {
  /** Runs one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` on one connection inside a transaction. */
  transaction<T>(fn: (tx: Omit<SqlExecutor, "transaction">) => Promise<T>): Promise<T>;
}

export function pgliteExecutor(pg: PGlite): SqlExecutor {
  return {
    async exec(sql) {
      await pg.exec(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pg.query<Row>(sql, params)).rows;
    },
    transaction(fn) {
      return pg.transaction((tx) =>
        fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <Row,>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
        }),
      );
    },
  } as SqlExecutor;
}

export function poolExecutor(pool: Pool): SqlExecutor {
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      return (await pool.query<Row>(sql, params)).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
            (await client.query<Row>(sql, params)).rows,
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
