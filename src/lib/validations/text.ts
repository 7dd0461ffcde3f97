// The one string type for text that comes from outside (forms, procedure inputs, URL filters,
// cursors). Postgres refuses a NUL byte in text (SQLSTATE 22021), and JSON with an unpaired
// UTF-16 surrogate cannot be stored as jsonb (the audit diff, 22P02): either would fail deep in a
// write as a 500. Refused here instead, with a message the caller can act on.
import { z } from "zod";

const NUL = "\u0000";
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_MESSAGES = {
  nul: "Remove the null character (U+0000): it cannot be stored",
  surrogate: "Contains a broken character (an unpaired UTF-16 surrogate)",
} as const;

/** No NUL characters. Exported so tests can tell a text() schema by its checks. */
export function hasNoNul(value: string): boolean {
  return !value.includes(NUL);
}

/** Every UTF-16 surrogate is part of a pair (what String.prototype.isWellFormed checks). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * `z.string()` for every text input: chain `.trim()`, `.min()`, `.max()`, `.regex()` as usual.
 * The checks abort, so a NUL or broken character is the one message the field gets.
 */
export function text() {
  return z
    .string()
    .refine(hasNoNul, { message: TEXT_MESSAGES.nul, abort: true })
    .refine(isWellFormed, { message: TEXT_MESSAGES.surrogate, abort: true });
}

/** A filter's free text: trimmed, at most `max`, and empty as not given (a cleared search box). */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    // Declares what the transform yields, so the OpenAPI document can describe the output.
    .pipe(text().optional());
