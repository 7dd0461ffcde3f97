// When the demo's cases arrived. A real inbox is not uniform: weekdays are busy, weekends quiet,
// and something recently went wrong (a spike a few days ago that the team is still working
// through). Exactly `count` times come back, oldest first, none in the future, so seed row
// counts do not change.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface ArrivalOptions {
  count: number;
  now: number;
  rand: () => number;
  /** How far back the cases go. */
  days?: number;
}

/** The relative volume of the day `daysAgo` before now (0 = today). */
export function dayWeight(daysAgo: number, now: number, rand: () => number): number {
  const weekday = new Date(now - daysAgo * DAY_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  // The incident: three days ago, tailing off over the next two.
  const spike = daysAgo === 3 ? 3 : daysAgo === 2 ? 2.2 : daysAgo === 1 ? 1.5 : 1;
  // Today is only partly over.
  const partial = daysAgo === 0 ? new Date(now).getUTCHours() / 24 : 1;
  const noise = 0.75 + rand() * 0.5;
  return (weekend ? 0.3 : 1) * spike * partial * noise;
}

/** Splits `count` over the days by weight, rounding so the parts add up to `count` exactly. */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map((_, i) => (i === weights.length - 1 ? count : 0));
  const exact = weights.map((w) => (w / total) * count);
  const parts = exact.map(Math.floor);
  let left = count - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

export function arrivalTimes({ count, now, rand, days = 60 }: ArrivalOptions): Date[] {
  const weights = Array.from({ length: days }, (_, i) => dayWeight(days - 1 - i, now, rand));
  const perDay = apportion(count, weights);
  const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;
  const times: number[] = [];
  perDay.forEach((n, i) => {
    const dayStart = startOfToday - (days - 1 - i) * DAY_MS;
    const dayEnd = Math.min(dayStart + DAY_MS, now);
    for (let k = 0; k < n; k++) {
      // Mostly in office hours (07–19 UTC), some at any time.
      const offset = rand() < 0.8 ? 7 * HOUR_MS + rand() * 12 * HOUR_MS : rand() * DAY_MS;
      times.push(Math.min(dayStart + offset, dayEnd - 1 - Math.floor(rand() * 60_000)));
    }
  });
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}
