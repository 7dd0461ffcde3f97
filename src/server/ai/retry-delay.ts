// How long to wait before calling a provider again after a 429, a 5xx or a timeout: what the
// provider asked for (Retry-After, in seconds or as a date, or retry-after-ms) when it asked,
// otherwise exponential backoff with full jitter, so many tenants' runs retrying at once spread out.

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
/** A provider asking for a longer pause than this is not waited for: the run fails as rate limited. */
export const MAX_RETRY_AFTER_MS = 60_000;

type Headers = Record<string, string | undefined> | undefined;

/** The pause the provider asked for, in ms, or null when it asked for none (or nonsense). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers["retry-after-ms"];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const after = headers["retry-after"]?.trim();
  if (!after) return null;
  if (/^\d+(\.\d+)?$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The delay before retry number `retry` (1 for the first), `random` in [0, 1). */
export function backoffMs(retry: number, random: number = Math.random()): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
  // Full jitter, but never less than half: a retry at 0 ms would hit a struggling provider at once.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
