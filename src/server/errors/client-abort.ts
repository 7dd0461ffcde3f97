// A caller that goes away mid-request (a tab closed while its body was still being sent) makes
// Node fail the read of the body with Error("aborted"), code ECONNRESET, from its HTTP server.
// The same code on a database socket means the database is gone (connection-error.ts); this one
// means nothing of the kind, and no one is left to read the answer. It is the caller's doing: an
// expected outcome, logged as such, never a 503 or an error line with a stack.
type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === "object" && v !== null;

/** Node's own shape for a request whose client closed the connection before the body ended. */
export function isClientAbort(error: unknown): boolean {
  return isBag(error) && error.message === "aborted" && error.code === "ECONNRESET" && error.syscall === undefined;
}
