// The types a cursor's sort keys may have, one per kind of sort column. A key is checked against
// its column's type before it is used, so only values the column could hold reach SQL.
import { z } from "zod";
import { isDateInRange } from "@/lib/validations/date";
import { text } from "@/lib/validations/text";
import { invalidCursor } from "./cursor";

export const cursorKey = {
  /** A timestamptz column, as written by Date#toISOString (within the years a row can have). */
  timestamp: z.iso.datetime().refine((s) => isDateInRange(new Date(s))),
  uuid: z.uuid(),
  /** A text column (e.g. a name): any text Postgres can compare, so no NUL or broken characters. */
  text: (max = 1000) => text().max(max),
  /** An enum column: one of its labels. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
};

export interface CursorKeyType {
  type: z.ZodType<string>;
  /** Null is a valid key only for a nullable column. */
  nullable?: boolean;
}

/** Checks a decoded cursor's keys, one per sort column and in order; throws invalidCursor. */
export function checkCursorKeys(keys: readonly (string | null)[], columns: readonly CursorKeyType[]): void {
  if (keys.length !== columns.length) throw invalidCursor();
  columns.forEach((column, i) => {
    const key = keys[i];
    const ok = key === null || key === undefined ? column.nullable === true : column.type.safeParse(key).success;
    if (!ok) throw invalidCursor();
  });
}
