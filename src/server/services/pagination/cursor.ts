// Opaque cursors: base64url JSON of the sort key and id of the last row of a page. Opaque so
// clients do not build them; validated on the way back in (shape, then each key against its
// column's type, see cursor-keys.ts), so a forged or stale one is a clear BAD_REQUEST and never
// reaches SQL, where a bad value would fail a cast (22007, 22P02, 22008) as a 500.
import type { z } from "zod";
import { AppError } from "@/server/errors/app-error";

/** The one error every list answers for a cursor it cannot use. */
export function invalidCursor(why = "Not a cursor of this list; start from the first page"): AppError {
  return new AppError("BAD_REQUEST", "Invalid cursor", { reason: "INVALID_CURSOR", fieldErrors: { cursor: [why] } });
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** `shape` should type every key (cursorKey.*): a plain string would let anything through to SQL. */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = shape.safeParse(raw);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}
