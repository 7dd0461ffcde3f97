// Is this error the database being unable to serve the request right now, rather than a bug or a
// bad value? Three kinds, each transient, each a 503 with Retry-After (to-app-error.ts):
//   out of reach  the server (or the connection to it) is gone; the process recovers by itself
//   overloaded    no connection came free within the admission limits (src/server/db/admission.ts)
//   timed out     a statement ran past its transaction's statement_timeout (SQLSTATE 57014), or
//                 the transaction past its budget
// Recognised wherever they surface: the socket (pg, ioredis), pg's pool, Prisma's driver adapters
// (which may wrap what they are given), and Postgres's own SQLSTATEs.
import { sqlStateOf } from "./sql-state";

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === "object" && v !== null;

/** Socket failures while connecting or talking to the server. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);

/** Prisma's codes for "cannot reach / lost the server" and "no connection free in time". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** How a Prisma driver adapter classifies connection-level failures (DriverAdapterError cause.kind). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting down), 53300 too many
 * connections.
 */
const isUnavailableSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code);

/** Messages of pg and Prisma for a lost connection or a pool that gave no connection in time. */
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated (unexpectedly|due to connection timeout)/i,
  /Unable to start a transaction in the given time/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
];

function adapterKind(error: Bag): string | undefined {
  const meta = isBag(error.meta) ? error.meta : undefined;
  const adapterError = meta && isBag(meta.driverAdapterError) ? meta.driverAdapterError : error.name === "DriverAdapterError" ? error : undefined;
  const cause = adapterError && isBag(adapterError.cause) ? adapterError.cause : undefined;
  if (!cause) return undefined;
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return cause.kind;
  if (typeof cause.originalCode === "string" && isUnavailableSqlState(cause.originalCode)) return cause.originalCode;
  // Unmapped Postgres errors come as kind "postgres" with their SQLSTATE in `code`.
  if (cause.kind === "postgres" && typeof cause.code === "string" && isUnavailableSqlState(cause.code)) return cause.code;
  return undefined;
}

/**
 * A caller that went away mid-request (a tab closed while its body was still being sent): Node's
 * HTTP server fails the read of the body with Error("aborted"), code ECONNRESET, and no syscall.
 * The code is a database socket's too, but this one says nothing about the database, and no one is
 * left to read the answer: the caller's doing, never a 503 or an error line with a stack.
 */
const isClientAbortShape = (e: Bag) => e.message === "aborted" && e.code === "ECONNRESET" && e.syscall === undefined;

export function isClientAbort(error: unknown): boolean {
  return someInChain(error, isClientAbortShape);
}

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!isBag(error) || depth > 6 || isClientAbortShape(error)) return false;
  const code = typeof error.code === "string" ? error.code : undefined;
  if (code && SOCKET_CODES.has(code)) return true;
  if (code && PRISMA_CODES.has(code)) return true;
  if (code && typeof error.severity === "string" && isUnavailableSqlState(code)) return true;
  if (error.name === "PrismaClientInitializationError") return true;
  if (adapterKind(error)) return true;
  if (typeof error.message === "string" && MESSAGES.some((pattern) => pattern.test(error.message as string))) return true;
  // AggregateError (a host with several addresses) holds the socket errors in `errors`.
  if (Array.isArray(error.errors) && error.errors.some((e) => isConnectionError(e, depth + 1))) return true;
  return isConnectionError(error.cause, depth + 1);
}

/** Walks an error and its causes (Prisma and tRPC wrap what they are given). */
function someInChain(error: unknown, test: (e: Bag) => boolean, depth = 0): boolean {
  if (!isBag(error) || depth > 6) return false;
  return test(error) || someInChain(error.cause, test, depth + 1);
}

const OVERLOADED_CODE = "CASEBOARD_DB_OVERLOADED";
const OVERLOADED_MESSAGE = /^database overloaded:/;

/**
 * No database connection came free within the admission limits: too many callers were already
 * waiting, or the wait ran out. The database itself is fine; the caller should come back shortly.
 */
export class DatabaseOverloadedError extends Error {
  override readonly name = "DatabaseOverloadedError";
  readonly code = OVERLOADED_CODE;
  constructor(readonly why: "queue full" | "wait timed out", detail: string) {
    // The message is matched too: a driver adapter may pass on only the message.
    super(`database overloaded: ${why} (${detail})`);
  }
}

export function isOverloadedError(error: unknown): boolean {
  return someInChain(error, (e) => e.code === OVERLOADED_CODE || (typeof e.message === "string" && OVERLOADED_MESSAGE.test(e.message)));
}

const TX_TIMEOUT_CODE = "CASEBOARD_TX_TIMEOUT";

/** A transaction ran past its budget; its work was rolled back. */
export class TransactionTimeoutError extends Error {
  override readonly name = "TransactionTimeoutError";
  readonly code = TX_TIMEOUT_CODE;
  constructor(readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`transaction timeout: it ran past its ${timeoutMs} ms budget and was rolled back`, options);
  }
}

/** Prisma's interactive transaction (privileged-db.ts) past its own timeout. */
const PRISMA_EXPIRED = /expired transaction/i;

/** SQLSTATE 57014 (query_canceled: statement_timeout), or a transaction past its budget. */
export function isDatabaseTimeout(error: unknown): boolean {
  if (sqlStateOf(error)?.code === "57014") return true;
  return someInChain(
    error,
    (e) => e.code === TX_TIMEOUT_CODE || (e.code === "P2028" && typeof e.message === "string" && PRISMA_EXPIRED.test(e.message)),
  );
}
