// Opaque cursors: base64url JSON of the sort key and id of the last row of a page. Opaque so
// clients do not build them; validated on the way back in, so a forged or stale one is a clear
// BAD_REQUEST and never reaches SQL unchecked.
import type { z } from "zod";
import { AppError } from "@/server/errors/app-error";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid for this list; start from the first page", {
      reason: "INVALID_CURSOR",
      fieldErrors: { cursor: ["Not a cursor of this list"] },
    });
  }
  return parsed.data;
}
