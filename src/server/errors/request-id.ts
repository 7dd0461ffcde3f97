// Failures that happen before a request has a tRPC context (building the context itself) still
// belong to a request: the error carries its id, so the error formatter can answer with it, and
// a mark that it was logged, so an outer handler does not log it a second time.
const REQUEST_ID = Symbol.for("caseboard.requestId");
const LOGGED = Symbol.for("caseboard.logged");

type Tagged = { [REQUEST_ID]?: string; [LOGGED]?: boolean; cause?: unknown };
const isObject = (v: unknown): v is Tagged => typeof v === "object" && v !== null;

export function tagRequestError<T extends object>(error: T, requestId: string, logged: boolean): T {
  Object.defineProperty(error, REQUEST_ID, { value: requestId, enumerable: false, configurable: true });
  if (logged) Object.defineProperty(error, LOGGED, { value: true, enumerable: false, configurable: true });
  return error;
}

function find<K extends typeof REQUEST_ID | typeof LOGGED>(error: unknown, key: K): Tagged[K] | undefined {
  for (let e: unknown = error, depth = 0; isObject(e) && depth < 6; e = e.cause, depth++) {
    if (e[key] !== undefined) return e[key];
  }
  return undefined;
}

/** The request id an error was tagged with, looking through its causes (tRPC wraps what we throw). */
export const requestIdOfError = (error: unknown): string | undefined => find(error, REQUEST_ID);

/** True when the error was logged where it happened. */
export const wasLogged = (error: unknown): boolean => find(error, LOGGED) === true;
