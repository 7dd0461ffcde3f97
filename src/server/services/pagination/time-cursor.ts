// Cursors for lists ordered by (time desc, id desc), built on the shared opaque cursor: keyset
// pagination stays fast however deep the page, and a forged cursor is a clear BAD_REQUEST.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const timeCursorShape = z.object({ at: z.iso.datetime(), id: z.uuid() });

export function encodeTimeCursor(at: Date, id: string): string {
  return encodeCursor({ at: at.toISOString(), id });
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const { at, id } = decodeCursor(cursor, timeCursorShape);
  return { at: new Date(at), id };
}
