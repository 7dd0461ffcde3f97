// Admission control: a bounded queue in front of the database's connections. Past capacity a
// caller is refused in milliseconds (503 OVERLOADED with Retry-After, mapped in
// src/server/errors/to-app-error.ts) instead of queueing for seconds: at once when `queueLimit`
// new callers already wait, otherwise once it has waited `queueTimeoutMs`. That wait is well under
// the pool's 5 s connect timeout, which is for reaching the server, not for a turn. (Refusing at
// once when the queue would take longer than the wait to clear, at the mean time a connection is
// held, was tried and left out: one long hold, a seed or a job's transaction, made the mean refuse
// the next burst of short calls.)
//
// A request may take connections more than once (a credential lookup when its credential is not
// cached, then the tenant transaction). Its later turns go before newcomers, are never refused for
// the queue's length and wait five times longer: refusing it halfway would waste what it already
// did. "Later" means the request (by its id in the request context) already had a turn; jobs
// (the system's context) are never refused for the queue's length either.
//
// Measured (cases.list over HTTP with an API key, PostgreSQL, pool of 10, 100 callers in another
// process on the same 2 cores, 20 s): without admission control 145-155 answers/s, p50 0.65 s,
// p99 0.93 s. With it, callers that wait out Retry-After get 118 answers/s, p50 0.23 s, p99 0.48 s,
// and their 503s in p50 16 ms, p99 0.2 s. Callers that retry at once make the process spend its
// time refusing (800 refusals/s) and it answers 15/s: holding up against those needs the refusal
// before any of the request's work (at the HTTP entry), with this gate behind it.
//   PostgreSQL  one permit per pooled connection, taken in the pool's connect(): every path to a
//               connection (Prisma's queries and transactions, the tenant transactions, the SQL
//               executor) goes through it, so pg's own unbounded queue is never used.
//   embedded    PGlite has one backend and serialises everything on it; its own mutex queues
//               without limit. The equivalent is a gate with one permit in front of it, held for
//               a whole query or transaction, with the same limits.
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { currentContext } from "@/server/context/request-context";
import { DatabaseOverloadedError } from "@/server/errors/connection-error";
import { logger } from "@/server/logger";
import { currentTenantId } from "./tenant-scope";

export interface AdmissionLimits {
  /** Callers served at once: the pool's size; 1 for the embedded database. */
  permits: number;
  /** Callers that may wait for a permit; the next one is refused at once. */
  queueLimit: number;
  /** How long a caller may wait for a permit before it is refused. */
  queueTimeoutMs: number;
}

export interface AdmissionStats {
  permits: number;
  inUse: number;
  waiting: number;
  /** Callers refused since the gate was made. */
  refused: number;
}

type Release = () => void;

interface Waiter {
  admit: (release: Release) => void;
  timer: NodeJS.Timeout;
}

/** Overload is logged at most this often (refusals themselves are expected, not errors). */
const WARN_EVERY_MS = 10_000;
/** How much longer than a newcomer a caller under way may wait. */
const UNDERWAY_WAIT_FACTOR = 5;
/** Requests remembered as under way (a bounded set: the oldest are forgotten first). */
const REMEMBERED_REQUESTS = 10_000;

export class ConnectionGate {
  #inUse = 0;
  #refused = 0;
  #refusedSinceWarning = 0;
  #lastWarning = 0;
  /** Callers whose request already had a connection: served first. */
  readonly #underway: Waiter[] = [];
  readonly #newcomers: Waiter[] = [];
  readonly #admittedRequests = new Set<string>();

  constructor(readonly limits: AdmissionLimits) {}

  get stats(): AdmissionStats {
    return { permits: this.limits.permits, inUse: this.#inUse, waiting: this.#underway.length + this.#newcomers.length, refused: this.#refused };
  }

  /**
   * Resolves with the function that gives the permit back (idempotent); rejects when refused.
   * By default the caller is under way when it asks for a tenant transaction's connection or its
   * request (the current context's) already had a turn.
   */
  acquire(requestId: string | undefined = currentContext()?.requestId, underway: boolean = this.#isUnderway(requestId)): Promise<Release> {
    const waiting = this.#underway.length + this.#newcomers.length;
    if (this.#inUse < this.limits.permits && waiting === 0) {
      this.#inUse++;
      this.#remember(requestId);
      return Promise.resolve(this.#releaser());
    }
    if (!underway && this.#refusesNewcomer()) return Promise.reject(this.#refuse("queue full"));
    const queue = underway ? this.#underway : this.#newcomers;
    // A request under way waits longer: refusing it now would waste what it already did.
    const waitMs = underway ? UNDERWAY_WAIT_FACTOR * this.limits.queueTimeoutMs : this.limits.queueTimeoutMs;
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        admit: (release) => {
          this.#remember(requestId);
          resolve(release);
        },
        timer: setTimeout(() => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(this.#refuse("wait timed out", waitMs));
        }, waitMs),
      };
      waiter.timer.unref();
      queue.push(waiter);
    });
  }

  /**
   * Whether the current caller's wait should not be cut short for the queue's length: a request
   * that already had a turn (refusing it halfway would waste what it did), background work (jobs
   * run in the system's context and are bounded by their runners' concurrency), and, outside any
   * context (scripts, boot), tenant transactions. A request's first turn is a newcomer, whether it
   * is a credential lookup or (with the credential cached) its tenant transaction.
   */
  #isUnderway(requestId: string | undefined): boolean {
    const context = currentContext();
    if (context?.actor?.type === "system") return true;
    if (requestId !== undefined && this.#admittedRequests.has(requestId)) return true;
    return context === undefined && currentTenantId() !== undefined;
  }

  /**
   * True when a newcomer would be refused now: every permit is taken and `queueLimit` callers
   * already wait (all of them are ahead of it, whether newcomers or requests under way).
   */
  #refusesNewcomer(): boolean {
    const waiting = this.#underway.length + this.#newcomers.length;
    if (this.#inUse < this.limits.permits && waiting === 0) return false;
    return waiting >= this.limits.queueLimit;
  }

  /**
   * Throws what acquire() would reject a newcomer with, without queueing. For callers that would
   * otherwise find out deep inside Prisma (its interactive transactions), where a refusal costs
   * more than the check (measured: ~0.6 ms each, through Prisma's error handling).
   */
  refuseNewcomerIfBusy(requestId: string | undefined = currentContext()?.requestId): void {
    if (!this.#isUnderway(requestId) && this.#refusesNewcomer()) throw this.#refuse("queue full");
  }

  #remember(requestId: string | undefined): void {
    if (requestId === undefined) return;
    this.#admittedRequests.delete(requestId);
    this.#admittedRequests.add(requestId);
    if (this.#admittedRequests.size > REMEMBERED_REQUESTS) {
      this.#admittedRequests.delete(this.#admittedRequests.values().next().value!);
    }
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
      const next = this.#underway.shift() ?? this.#newcomers.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit(this.#releaser());
      } else {
        this.#inUse--;
      }
    };
  }

  #refuse(why: "queue full" | "wait timed out", waitedMs = 0): DatabaseOverloadedError {
    this.#refused++;
    this.#refusedSinceWarning++;
    const now = Date.now();
    if (now - this.#lastWarning >= WARN_EVERY_MS) {
      logger.warn(
        { why, ...this.stats, refusedSinceLastWarning: this.#refusedSinceWarning },
        "database busy: refusing callers (admission control)",
      );
      this.#lastWarning = now;
      this.#refusedSinceWarning = 0;
    }
    const detail = why === "queue full" ? `${this.stats.waiting} callers already waiting` : `no connection within ${waitedMs} ms`;
    return new DatabaseOverloadedError(why, detail);
  }
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** A pg Pool whose connect() first takes a permit of its gate, given back when the client is released. */
export class AdmissionPool extends pg.Pool {
  readonly gate: ConnectionGate;

  constructor(config: pg.PoolConfig, limits: Omit<AdmissionLimits, "permits">) {
    super(config);
    this.gate = new ConnectionGate({ permits: config.max ?? 10, ...limits });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const connected = this.#admitThenConnect();
    // pool.query() uses the callback form.
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }

  async #admitThenConnect(): Promise<pg.PoolClient> {
    const givePermitBack = await this.gate.acquire();
    let client: pg.PoolClient;
    try {
      client = await super.connect();
    } catch (error) {
      givePermitBack();
      throw error;
    }
    // pg sets `release` anew at each checkout; the permit goes back with the client.
    const release = client.release.bind(client);
    client.release = (destroy?: Error | boolean) => {
      try {
        release(destroy);
      } finally {
        givePermitBack();
      }
    };
    return client;
  }
}

/** What the code uses of a PGlite instance: the Prisma adapter, the SQL executor, the tenant transactions. */
export type PGliteQueries = Pick<PGlite, "query" | "exec" | "transaction">;

/** PGlite behind a gate of one permit: each query, script or transaction holds it throughout. */
export function gatedPGlite(pglite: PGlite, gate: ConnectionGate): PGliteQueries {
  const admitted = async <T,>(fn: () => Promise<T>): Promise<T> => {
    const release = await gate.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
  return {
    query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
      return admitted(() => pglite.query<T>(sql, params, options));
    },
    exec(sql: string, options?: QueryOptions) {
      return admitted(() => pglite.exec(sql, options));
    },
    transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      return admitted(() => pglite.transaction(callback));
    },
  };
}
