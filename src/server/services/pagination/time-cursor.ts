// Cursors for lists ordered by (time, id), built on the shared opaque cursor: keyset pagination
// stays fast however deep the page, and a forged cursor is a clear BAD_REQUEST.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";
import { cursorKey } from "./cursor-keys";

const timeCursorShape = z.object({ at: cursorKey.timestamp, id: cursorKey.uuid });

export function encodeTimeCursor(at: Date, id: string): string {
  return encodeCursor({ at: at.toISOString(), id });
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const { at, id } = decodeCursor(cursor, timeCursorShape);
  return { at: new Date(at), id };
}
