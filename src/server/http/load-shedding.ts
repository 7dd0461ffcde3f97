// Load shedding at the HTTP entry, before any of a request's work (parsing, authentication,
// routing). Two limits, whichever bites first:
//   in flight   at most MAX_IN_FLIGHT_REQUESTS API requests per instance at once, and a short line
//               (MAX_QUEUED_REQUESTS, each waiting at most MAX_QUEUE_WAIT_MS) behind them. On a small host
//               the event loop (HTTP, tRPC, serialisation), not the database, is what saturates
//               first: measured on the cases-http bench with 100 callers, the database queue never
//               filled while p99 reached 2 s. Past the limit a request is refused in microseconds,
//               so those admitted keep a bounded latency (Little's law: in flight / throughput).
//               Long-lived event streams are not counted: they hold no work while they wait.
//   database    the database gate (src/server/db/admission.ts) would refuse a new caller now.
// Refusing early matters too for clients that retry at once: a refusal deep in the request came
// after the work before it, and such clients kept the process busy refusing (~800 refusals/s,
// 15 answers/s, against 118 answers/s for clients that wait out Retry-After).
import { availableParallelism } from "node:os";
import { env } from "@/env";
import type { Database } from "@/server/db/connection";
import { getDatabase } from "@/server/db/database";
import type { AppError } from "@/server/errors/app-error";
import { isOverloadedError } from "@/server/errors/connection-error";
import { serviceUnavailable, toAppError } from "@/server/errors/to-app-error";

let inFlight = 0;
let shed = 0;
let override: number | null = null;
let queueOverride: { length: number; waitMs: number } | null = null;
/** The limit last applied (for metrics and the bench's report). */
let lastLimit = 0;
/** The host's cores, read once: the default limit is worked out on every request. */
const CORES = availableParallelism();

/** Requests waiting for a place, oldest first; each is handed the place a release frees. */
const waiting: { admit(): void }[] = [];

/** Sets the in-flight limit (tests, benchmarks); returns the function that restores the previous one. */
export function overrideInFlightLimit(next: number | null): () => void {
  const previous = override;
  override = next;
  return () => {
    override = previous;
  };
}

/** Sets the waiting room (tests, benchmarks); returns the function that restores the previous one. */
export function overrideWaitingRoom(next: { length: number; waitMs: number } | null): () => void {
  const previous = queueOverride;
  queueOverride = next;
  return () => {
    queueOverride = previous;
  };
}

/**
 * MAX_IN_FLIGHT_REQUESTS, else as many as the database has connections (at least 4): each request
 * admitted finds a connection free, so none waits in the pool's queue. A production build on
 * PostgreSQL admits no more than the host has cores (at least 2), since on a small host the cores,
 * not the connections, are what saturates. Measured with the production build on 2 cores
 * (PostgreSQL and the load client on the same host, 100 callers, docs/scaling.md): 10 in flight
 * (the pool) gave p99 at 19–29× one caller's p50, 4 gave 17–23×, 2 gave 9–13×, all at about the
 * same requests/s. A dev server (slow, unoptimised requests) and the embedded database (one user's
 * single backend) keep the connections' rule.
 */
export function defaultInFlightLimit(connections: number, cores: number, capToCores: boolean): number {
  const byConnections = Math.max(4, connections);
  return capToCores ? Math.min(byConnections, Math.max(2, cores)) : byConnections;
}

function limitFor(db: Database | null): number {
  if (override !== null) return override;
  if (env.MAX_IN_FLIGHT_REQUESTS !== undefined) return env.MAX_IN_FLIGHT_REQUESTS;
  const capToCores = db?.kind === "postgres" && process.env.NODE_ENV === "production";
  return defaultInFlightLimit(db?.admission().permits ?? 4, CORES, capToCores);
}

/**
 * A request that finds every place taken waits for one, briefly, in a short line: a burst of a few
 * calls (two members clicking at once) is served a few milliseconds late instead of refused, while
 * a lasting overload still gets 503 past the line or the wait. The line is short because whoever
 * waits in it adds to the tail: measured like the limit above, at 100 callers a line of 1 with a
 * 25 ms wait kept p99 at 8–10× one caller's p50, a line of 2 with 50 ms at 15×; with no line, 3
 * steady callers already met 8 refusals in 700 calls, with a line of 1 they met 1.
 */
export function defaultWaitingRoom(limit: number): { length: number; waitMs: number } {
  return { length: Math.max(1, Math.floor(limit / 2)), waitMs: 25 };
}

function waitingRoomFor(limit: number): { length: number; waitMs: number } {
  const defaults = defaultWaitingRoom(limit);
  return queueOverride ?? { length: env.MAX_QUEUED_REQUESTS ?? defaults.length, waitMs: env.MAX_QUEUE_WAIT_MS ?? defaults.waitMs };
}

/** Hands freed places to the requests waiting, oldest first. */
function admitWaiting(): void {
  while (waiting.length > 0 && inFlight < lastLimit) {
    inFlight++;
    waiting.shift()!.admit();
  }
}

/** Waits up to `waitMs` for a place a release hands over; false if none came (the request is refused). */
function waitForPlace(waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const waiter = {
      admit() {
        clearTimeout(timer);
        resolve(true);
      },
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(waiter);
      if (at >= 0) waiting.splice(at, 1);
      resolve(false);
    }, waitMs);
    waiting.push(waiter);
  });
}

export interface Admission {
  /** Gives the request's place back (idempotent). */
  release(): void;
}

export type AdmissionResult = { ok: true; admission: Admission } | { ok: false; error: AppError };

/** Requests in flight now, waiting now, refused since start, and the limit last applied (metrics). */
export function loadSheddingStats(): { inFlight: number; waiting: number; shed: number; limit: number } {
  return { inFlight, waiting: waiting.length, shed, limit: lastLimit };
}

/**
 * Takes a place for an API request, or says why it is refused (503 OVERLOADED). `counted: false`
 * (event streams) still passes the database check but takes no place.
 */
export async function admitRequest(options: { counted?: boolean } = {}): Promise<AdmissionResult> {
  const counted = options.counted ?? true;
  // Resolved once the database has booted; everything after this await up to the wait runs
  // without a break, so two requests cannot both take the last place.
  const db = await getDatabase().catch(() => null);
  const limit = (lastLimit = limitFor(db));
  // A database that is down is answered by the request itself (503 DATABASE_UNAVAILABLE).
  const refusal = db ? databaseRefusal(db) : null;
  if (refusal) {
    shed++;
    return { ok: false, error: refusal };
  }
  if (!counted) return { ok: true, admission: { release() {} } };
  if (inFlight < limit && waiting.length === 0) {
    inFlight++;
  } else {
    const room = waitingRoomFor(limit);
    // The place is counted for this request by whoever handed it over.
    const placed = waiting.length < room.length && room.waitMs > 0 && (await waitForPlace(room.waitMs));
    if (!placed) {
      shed++;
      return { ok: false, error: serviceUnavailable(undefined, "OVERLOADED") };
    }
  }
  let released = false;
  return {
    ok: true,
    admission: {
      release() {
        if (released) return;
        released = true;
        inFlight--;
        admitWaiting();
      },
    },
  };
}

/** The 503 OVERLOADED the database gate would give a new caller right now, or null. */
function databaseRefusal(db: Database): AppError | null {
  try {
    db.refuseIfBusy?.();
    return null;
  } catch (error) {
    // Only overload is decided here; anything else is the request's own to meet and answer.
    return isOverloadedError(error) ? toAppError(error) : null;
  }
}
