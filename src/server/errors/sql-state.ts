// The Postgres SQLSTATE behind a database error. Prisma's driver adapters (pg and PGlite) keep it
// at meta.driverAdapterError.cause.originalCode of a PrismaClientKnownRequestError; a
// DriverAdapterError thrown on its own carries it at cause.originalCode, and a raw pg or PGlite
// DatabaseError at code. Read from all three, so both databases answer alike.

export interface SqlStateError {
  /** Five characters, e.g. 22021; the first two are its class (22 = data exception). */
  code: string;
  /** The column Postgres named, when it named one (not for most data exceptions). */
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === "object" && v !== null;

function fromAdapterCause(cause: unknown): SqlStateError | null {
  if (!isBag(cause) || typeof cause.originalCode !== "string" || !SQLSTATE.test(cause.originalCode)) return null;
  return { code: cause.originalCode, column: typeof cause.column === "string" ? cause.column : undefined };
}

export function sqlStateOf(error: unknown, depth = 0): SqlStateError | null {
  if (!isBag(error) || depth > 4) return null;
  const meta = isBag(error.meta) ? error.meta : undefined;
  const adapterError = meta && isBag(meta.driverAdapterError) ? meta.driverAdapterError : undefined;
  const found =
    fromAdapterCause(adapterError?.cause) ??
    (error.name === "DriverAdapterError" ? fromAdapterCause(error.cause) : null) ??
    // A driver's own DatabaseError (pg, PGlite): `severity` tells it from Prisma's P-codes.
    (typeof error.code === "string" && SQLSTATE.test(error.code) && typeof error.severity === "string"
      ? { code: error.code, column: typeof error.column === "string" ? error.column : undefined }
      : null);
  return found ?? sqlStateOf(error.cause, depth + 1);
}

/** Class 22, data exception: a value the column's type cannot hold (bad text, date, number, JSON). */
export const isDataException = (state: SqlStateError | null): state is SqlStateError => state?.code.startsWith("22") === true;
