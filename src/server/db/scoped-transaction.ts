// Transactions run by hand, with a Prisma client bound to them: `run()` takes a connection, opens
// the transaction and applies its settings (role, app.tenant_id, statement_timeout) in one round
// trip, runs the work, commits, and gives the connection back. `prisma` sends each query to the
// connection of the `run()` call it is used in (AsyncLocalStorage), and refuses outside one or
// once that transaction is over; a client extended with the call's pin keeps to that call's
// connection wherever it is used from (an event listener runs in its emitter's context). tenant-db.ts
// builds withTenantDb on it; why it does not use Prisma's interactive transactions is measured there.
//
// A Prisma write of several statements (a nested create) asks the adapter for a transaction of
// its own; here its statements join the running transaction instead, as they do inside an
// interactive transaction (no savepoint): if one fails, the whole transaction fails.
import { AsyncLocalStorage } from "node:async_hooks";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { TransactionTimeoutError } from "@/server/errors/connection-error";
import { sqlStateOf } from "@/server/errors/sql-state";
import { logger } from "@/server/logger";
import type { PGliteQueries } from "./admission";
import { PrismaClient } from "./generated/client";
import { reportIfSlow, timed, timedAdapterFactory } from "./query-log";

export interface ScopedTransactionOptions {
  /** Transaction-local settings, each applied with set_config(name, value, true). */
  settings: Readonly<Record<string, string>>;
  /** The transaction's budget: past it, it is rolled back and its connection freed at once. */
  timeoutMs: number;
  /** statement_timeout of each statement in it. */
  statementTimeoutMs: number;
}

/** Runs `work` (and the queries it starts) on one run() call's connection, from whatever context. */
export type ConnectionPin = <R>(work: () => R) => R;

export interface ScopedTransactions {
  /** Runs each query on the connection of the run() call it is used in, or pinned to. */
  readonly prisma: PrismaClient;
  /** `fn` gets the pin of this call's connection, to bind a client to it (tenant-db.ts does). */
  run<T>(options: ScopedTransactionOptions, fn: (pin: ConnectionPin) => Promise<T>): Promise<T>;
}

/** The statement that applies the settings: one SELECT of set_config calls, literals escaped. */
export function settingsStatement(options: ScopedTransactionOptions): string {
  const settings = { ...options.settings, statement_timeout: String(options.statementTimeoutMs) };
  const calls = Object.entries(settings).map(([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`);
  return `SELECT ${calls.join(", ")}`;
}

/** A transaction's connection while run() holds it. */
abstract class HeldConnection {
  #closed: Error | null = null;
  /** The first statement that failed (a failed statement aborts a PostgreSQL transaction). */
  failure: unknown = undefined;

  /** Refuses every later query with `reason`. */
  close(reason: Error): void {
    this.#closed ??= reason;
  }

  get closedBy(): Error | null {
    return this.#closed;
  }

  assertOpen(): void {
    if (this.#closed) throw this.#closed;
  }

  protected recordFailure(error: unknown): never {
    this.failure ??= error;
    throw error;
  }
}

const held = new AsyncLocalStorage<HeldConnection>();

/** Runs `fn` in `connection`'s context, with the pin that brings later work back to it. */
function runHeld<T>(connection: HeldConnection, fn: (pin: ConnectionPin) => Promise<T>): Promise<T> {
  const pin: ConnectionPin = (work) => held.run(connection, work);
  // Awaited inside: a Prisma query runs when awaited, not when built.
  return held.run(connection, async () => await fn(pin));
}

const transactionOver = () => new Error("the transaction is over: a query ran after its commit or rollback");

/**
 * A statement failed, the work caught its error and carried on, and the COMMIT rolled back (as
 * PostgreSQL does; nothing of the transaction is kept). The call still returns what the work
 * returned, as Prisma's interactive transaction did; logged, since it usually hides a bug.
 */
function rolledBackAtCommit(failure: unknown): void {
  logger.warn({ sqlState: sqlStateOf(failure)?.code }, "transaction rolled back at commit: a statement in it failed and the work carried on");
}

function currentConnection<C extends HeldConnection>(kind: abstract new (...args: never[]) => C): C {
  const connection = held.getStore();
  if (!(connection instanceof kind)) throw new Error("a scoped database client was used outside its transaction (withTenantDb)");
  connection.assertOpen();
  return connection;
}

/**
 * Prisma's client batches findUnique calls made in one tick and runs the batch on process.nextTick,
 * in the async context of the call that came first (its DataLoader; an interactive transaction's
 * calls are grouped by transaction id, but this client's carry none). Here that context picks the
 * connection: two transactions looking up in the same tick would both run in the first one's
 * (tenant-transaction.test.ts reproduces it: the second tenant's row came back "not found"). So
 * this client does not batch: each request runs in its caller's context. Only findUnique of the
 * same model and shape in the same tick of one transaction loses its merging into one statement.
 * The switch is a private field of Prisma's client; if it moves, opening the database fails here.
 */
function runEachRequestInItsCallersContext(prisma: PrismaClient): PrismaClient {
  type Internals = { _requestHandler?: { dataloader?: { options?: { batchBy?: unknown } } } };
  const options = (prisma as unknown as Internals)._requestHandler?.dataloader?.options;
  if (typeof options?.batchBy !== "function") {
    throw new Error("Prisma's request batching is no longer where scoped-transaction.ts turns it off: scoped transactions cannot be kept apart");
  }
  options.batchBy = () => undefined;
  return prisma;
}

/** Prisma's view of the adapter: queries go to the held connection; "transactions" join it. */
function joiningAdapterFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      const queryable: SqlQueryable = {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query: SqlQuery) => adapter.queryRaw(query),
        executeRaw: (query: SqlQuery) => adapter.executeRaw(query),
      };
      const joined: Transaction = {
        ...queryable,
        // Phantom: Prisma sends no BEGIN/COMMIT/ROLLBACK of its own.
        options: { usePhantomQuery: true },
        commit: async () => {},
        rollback: async () => {},
      };
      return {
        ...queryable,
        executeScript: () => Promise.reject(new Error("scripts do not run in a scoped transaction")),
        startTransaction: async () => joined,
        getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: false },
        dispose: () => adapter.dispose(),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a pooled client, BEGIN and the settings sent as one simple-protocol message.

class HeldPgClient extends HeldConnection {
  #ending: Promise<void> | null = null;
  #lost: Error | undefined;
  // While held, the pool no longer listens to the client: a connection cut then (the server
  // restarted or was stopped, the network dropped) emits "error" here, which unheard would end the
  // process. Its statements fail on their own; this only makes sure it is destroyed, not reused.
  readonly #onError = (error: Error) => {
    this.#lost = error;
  };

  constructor(readonly client: pg.PoolClient) {
    super();
    client.on("error", this.#onError);
  }

  /** The last statement sent: the next is sent when it has settled. */
  #tail: Promise<unknown> = Promise.resolve();

  /**
   * Sends statements one after another, in the order given. A transaction's queries may be asked
   * for at once (Promise.all inside a request); pg used to queue them per client itself, but
   * calling client.query() while one runs is deprecated (a warning at every start) and pg 9
   * removes it, so the queue is kept here.
   */
  #inTurn<T>(send: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(send, send);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    return this.#inTurn(() => this.client.query(config)).catch((error: unknown) => this.recordFailure(error));
  }

  /** A statement of the transaction's own (BEGIN, COMMIT, ROLLBACK), timed like the others. */
  statement(sql: string): Promise<pg.QueryResult> {
    return timed(sql, () => this.#inTurn(() => this.client.query(sql) as Promise<pg.QueryResult>));
  }

  /**
   * Ends the transaction once (later calls share the first); the client goes back to the pool,
   * destroyed when the end failed other than with a Postgres error. Statements are sent in turn,
   * so a ROLLBACK asked for while a statement runs follows it.
   */
  end(how: "COMMIT" | "ROLLBACK"): Promise<void> {
    if (this.#ending) return how === "COMMIT" ? Promise.reject(this.closedBy ?? transactionOver()) : this.#ending;
    this.close(transactionOver());
    this.#ending = (async () => {
      let broken: Error | undefined;
      try {
        const result = await this.statement(how);
        if (how === "COMMIT" && result.command === "ROLLBACK") rolledBackAtCommit(this.failure);
      } catch (error) {
        const fromServer = typeof (error as { severity?: unknown }).severity === "string";
        if (!fromServer) broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        this.client.off("error", this.#onError);
        this.client.release(broken ?? this.#lost);
      }
    })();
    return this.#ending;
  }

  /** Past the budget: later queries are refused, and the connection is rolled back and freed now. */
  expire(timeoutMs: number): void {
    this.close(new TransactionTimeoutError(timeoutMs));
    this.end("ROLLBACK").catch(() => {});
  }
}

/** Looks like a pg Pool to the Prisma adapter; each query goes to the held client. Never connects. */
function routingPool(): pg.Pool {
  const pool = new pg.Pool({ max: 1 });
  pool.query = ((config: pg.QueryConfig) => currentConnection(HeldPgClient).query(config)) as pg.Pool["query"];
  pool.connect = (() => Promise.reject(new Error("the routing pool lends no connections"))) as pg.Pool["connect"];
  return pool;
}

export function poolTransactions(pool: pg.Pool): ScopedTransactions {
  const prisma = runEachRequestInItsCallersContext(new PrismaClient({ adapter: timedAdapterFactory(joiningAdapterFactory(new PrismaPg(routingPool()))) }));
  return {
    prisma,
    async run<T>(options: ScopedTransactionOptions, fn: (pin: ConnectionPin) => Promise<T>): Promise<T> {
      const connection = new HeldPgClient(await pool.connect());
      const timer = setTimeout(() => connection.expire(options.timeoutMs), options.timeoutMs);
      try {
        await connection.statement(`BEGIN; ${settingsStatement(options)}`);
        const value = await runHeld(connection, fn);
        await connection.end("COMMIT");
        return value;
      } catch (error) {
        await connection.end("ROLLBACK").catch(() => {});
        const closedBy = connection.closedBy;
        throw closedBy instanceof TransactionTimeoutError && error !== closedBy ? new TransactionTimeoutError(options.timeoutMs, { cause: error }) : error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Embedded: PGlite's own transaction (it holds the backend throughout), the settings right after
// its BEGIN.

/**
 * PGlite runs a statement synchronously in WebAssembly, with no timer signal to interrupt it:
 * statement_timeout is accepted but never fires, and the process waits (measured: pg_sleep(1.5)
 * under a 300 ms statement_timeout ran 1.5 s and stalled the event loop throughout). The statement
 * cannot be cut short; what follows it can be as on PostgreSQL: a statement that ran past the
 * timeout fails with SQLSTATE 57014 once it returns, and the transaction with it.
 */
function statementTimeoutError(statementTimeoutMs: number): Error {
  const error = new messages.DatabaseError(`canceling statement due to statement timeout (${statementTimeoutMs} ms)`, 0, "error");
  error.severity = "ERROR";
  error.code = "57014";
  return error;
}

class HeldPGliteTransaction extends HeldConnection {
  constructor(
    readonly tx: PGliteTransaction,
    readonly statementTimeoutMs: number,
  ) {
    super();
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const startedAt = performance.now();
    const result = await this.tx.query<T>(sql, params, options).catch((error: unknown) => this.recordFailure(error));
    if (performance.now() - startedAt > this.statementTimeoutMs) {
      const timeout = statementTimeoutError(this.statementTimeoutMs);
      this.close(timeout);
      this.recordFailure(timeout);
    }
    return result;
  }
}

/** Looks like PGlite to the Prisma adapter; each query goes to the held transaction. */
const routingPGlite = {
  query: <T,>(sql: string, params?: unknown[], options?: QueryOptions) => currentConnection(HeldPGliteTransaction).query<T>(sql, params, options),
} as unknown as PGlite;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function pgliteTransactions(db: PGliteQueries): ScopedTransactions {
  const prisma = runEachRequestInItsCallersContext(new PrismaClient({ adapter: timedAdapterFactory(joiningAdapterFactory(new PrismaPGlite(routingPGlite))) }));
  return {
    prisma,
    async run<T>(options: ScopedTransactionOptions, fn: (pin: ConnectionPin) => Promise<T>): Promise<T> {
      let connection: HeldPGliteTransaction | undefined;
      let work: Promise<Settled<T>> | undefined;
      let timer: NodeJS.Timeout | undefined;
      let done: { value: T } | undefined;
      try {
        await db.transaction(async (tx) => {
          const current = new HeldPGliteTransaction(tx, options.statementTimeoutMs);
          connection = current;
          const settingsSql = settingsStatement(options);
          const startedAt = performance.now();
          await tx.exec(settingsSql);
          reportIfSlow(settingsSql, startedAt);
          const expired = new Promise<"expired">((resolve) => {
            timer = setTimeout(() => resolve("expired"), options.timeoutMs);
          });
          work = runHeld(current, fn).then(
            (value): Settled<T> => ({ ok: true, value }),
            (error: unknown): Settled<T> => ({ ok: false, error }),
          );
          const outcome = await Promise.race([work, expired]);
          if (outcome === "expired") {
            // Returning frees the backend (PGlite rolls back); the work finds its queries refused.
            const timeout = new TransactionTimeoutError(options.timeoutMs);
            current.close(timeout);
            throw timeout;
          }
          current.close(transactionOver());
          if (!outcome.ok) throw outcome.error;
          done = { value: outcome.value };
          // A statement past its (emulated) timeout whose error the work caught: on PostgreSQL the
          // transaction is aborted and its COMMIT rolls back. Here it is not: roll back.
          if (current.failure instanceof messages.DatabaseError && current.failure.code === "57014") {
            await tx.rollback();
            rolledBackAtCommit(current.failure);
          }
        });
        return done!.value;
      } catch (error) {
        if (error instanceof TransactionTimeoutError && work) {
          // As on PostgreSQL, the call ends when its work does.
          const settled = await work;
          throw settled.ok ? error : new TransactionTimeoutError(options.timeoutMs, { cause: settled.error });
        }
        // PGlite's COMMIT of an aborted transaction rolls back and throws "rolled back instead of
        // committed" (25P02); PostgreSQL's does not throw. As there, the work's value stands.
        if (done && error instanceof messages.DatabaseError && error.code === "25P02") {
          rolledBackAtCommit(connection?.failure);
          return done.value;
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
