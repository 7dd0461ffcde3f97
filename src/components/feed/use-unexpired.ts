"use client";
// Items drop out of view the moment they expire, without a refetch: a timer wakes at the next
// expiry among those shown (the server stops listing them at the same moment, and the cleanup
// job deletes them later).
import { useEffect, useMemo, useState } from "react";

/** Browsers run a timer at once when its delay exceeds 2^31 - 1 ms (about 24.8 days). */
const MAX_DELAY_MS = 2_147_483_647;

export function useUnexpired<T extends { expiresAt: Date | null }>(items: readonly T[]): T[] {
  const [now, setNow] = useState(() => Date.now());
  const next = useMemo(() => Math.min(Infinity, ...items.flatMap((i) => (i.expiresAt && i.expiresAt.getTime() > now ? [i.expiresAt.getTime()] : []))), [items, now]);
  useEffect(() => {
    if (next === Infinity) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_DELAY_MS, Math.max(0, next - Date.now()) + 50));
    return () => clearTimeout(timer);
  }, [next]);
  return useMemo(() => items.filter((i) => !i.expiresAt || i.expiresAt.getTime() > now), [items, now]);
}
