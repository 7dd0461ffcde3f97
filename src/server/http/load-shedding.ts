// Load shedding at the HTTP entry, before any of a request's work (parsing, authentication,
// routing). Two limits, whichever bites first:
//   in flight   at most MAX_IN_FLIGHT_REQUESTS API requests per instance at once. On a small host
//               the event loop (HTTP, tRPC, serialisation), not the database, is what saturates
//               first: measured on the cases-http bench with 100 callers, the database queue never
//               filled while p99 reached 2 s. Past the limit a request is refused in microseconds,
//               so those admitted keep a bounded latency (Little's law: in flight / throughput).
//               Long-lived event streams are not counted: they hold no work while they wait.
//   database    the database gate (src/server/db/admission.ts) would refuse a new caller now.
// Refusing early matters too for clients that retry at once: a refusal deep in the request came
// after the work before it, and such clients kept the process busy refusing (~800 refusals/s,
// 15 answers/s, against 118 answers/s for clients that wait out Retry-After).
import { env } from "@/env";
import type { Database } from "@/server/db/connection";
import { getDatabase } from "@/server/db/database";
import type { AppError } from "@/server/errors/app-error";
import { isOverloadedError } from "@/server/errors/connection-error";
import { serviceUnavailable, toAppError } from "@/server/errors/to-app-error";

let inFlight = 0;
let shed = 0;
let override: number | null = null;
/** The limit last applied (for metrics and the bench's report). */
let lastLimit = 0;

/** Sets the in-flight limit (tests, benchmarks); returns the function that restores the previous one. */
export function overrideInFlightLimit(next: number | null): () => void {
  const previous = override;
  override = next;
  return () => {
    override = previous;
  };
}

/**
 * MAX_IN_FLIGHT_REQUESTS, else as many as the database has connections (at least 4): each request
 * admitted finds a connection free, so none waits in the pool's queue. Measured on the cases-http
 * bench (PostgreSQL pool of 4, 100 callers): twice the connections in flight gave the same
 * requests/s but p99 at 20× one caller's p50, since admitted requests queued for a connection
 * behind each other; as many as the connections gave p99 at 8–9×, the rest answered 503 at once.
 */
function limitFor(db: Database | null): number {
  return override ?? env.MAX_IN_FLIGHT_REQUESTS ?? Math.max(4, db?.admission().permits ?? 4);
}

export interface Admission {
  /** Gives the request's place back (idempotent). */
  release(): void;
}

export type AdmissionResult = { ok: true; admission: Admission } | { ok: false; error: AppError };

/** Requests in flight now, refused since start, and the limit last applied (metrics). */
export function loadSheddingStats(): { inFlight: number; shed: number; limit: number } {
  return { inFlight, shed, limit: lastLimit };
}

/**
 * Takes a place for an API request, or says why it is refused (503 OVERLOADED). `counted: false`
 * (event streams) still passes the database check but takes no place.
 */
export async function admitRequest(options: { counted?: boolean } = {}): Promise<AdmissionResult> {
  const counted = options.counted ?? true;
  // Resolved once the database has booted; everything after this await runs without a break,
  // so two requests cannot both take the last place.
  const db = await getDatabase().catch(() => null);
  const limit = (lastLimit = limitFor(db));
  if (counted && inFlight >= limit) {
    shed++;
    return { ok: false, error: serviceUnavailable(undefined, "OVERLOADED") };
  }
  // A database that is down is answered by the request itself (503 DATABASE_UNAVAILABLE).
  const refusal = db ? databaseRefusal(db) : null;
  if (refusal) {
    shed++;
    return { ok: false, error: refusal };
  }
  if (!counted) return { ok: true, admission: { release() {} } };
  inFlight++;
  let released = false;
  return {
    ok: true,
    admission: {
      release() {
        if (released) return;
        released = true;
        inFlight--;
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
