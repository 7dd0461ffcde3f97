// The next 14 days' new cases, per channel and in all: a seasonal mean, i.e. for each day the mean
// of the same weekday in the four weeks before. Support volume's strongest pattern is the week
// (Mondays are not Sundays); with a few weeks of history a seasonal mean is as good as
// Holt–Winters and cannot run away on a trend it invented, and no maintained JavaScript library
// offers either. The band and the error stated with it come from a back-test: each of the last 28
// days predicted from the four same weekdays at least 14 days before it (the longest horizon shown).
export const FORECAST_DAYS = 14;
const WEEKS = 4;
const BACKTEST_DAYS = 28;
const GAP_WEEKS = Math.ceil(FORECAST_DAYS / 7) - 1;
/** History for a whole back-test: its oldest day needs four same weekdays, the nearest two weeks before it. */
export const FORECAST_HISTORY_DAYS = BACKTEST_DAYS + 7 * (WEEKS + GAP_WEEKS);

export interface Forecast {
  /** Expected new cases per day, from tomorrow on, with an 80 % band. */
  days: { expected: number; low: number; high: number }[];
  backtest: {
    days: number;
    /** Sum of absolute errors over the sum of actual cases (0.12 = off by 12 % of the volume). */
    wape: number | null;
    /** Mean absolute error, cases per day. */
    mae: number;
  } | null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean of the `WEEKS` values 7, 14, … days before day `t`, skipping the `gapWeeks` nearest weeks. */
function seasonalMean(history: readonly number[], t: number, gapWeeks: number): number | null {
  const values: number[] = [];
  for (let w = gapWeeks + 1; w <= gapWeeks + WEEKS; w++) {
    const i = t - 7 * w;
    if (i < 0) return null;
    values.push(history[i]!);
  }
  return mean(values);
}

/** Nearest-rank quantile of ascending `sorted`. */
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/**
 * `history`: cases created per day, oldest first, ending with the last whole day (yesterday or
 * today so far is left to the caller). Null without four weeks of history.
 */
export function forecastVolume(history: readonly number[]): Forecast | null {
  const n = history.length;
  if (n < 7 * WEEKS) return null;
  // Errors of predictions made 8–14 days ahead (two weeks back: gap of one week, then four weeks).
  const errors: number[] = [];
  let actualSum = 0;
  for (let t = Math.max(0, n - BACKTEST_DAYS); t < n; t++) {
    const predicted = seasonalMean(history, t, GAP_WEEKS);
    if (predicted === null) continue;
    errors.push(history[t]! - predicted);
    actualSum += history[t]!;
  }
  const sorted = [...errors].sort((a, b) => a - b);
  const days = Array.from({ length: FORECAST_DAYS }, (_, h) => {
    // Day n + h: its weekday's mean over the last four weeks of actual days (the second week ahead
    // skips the first, which is not known yet).
    const expected = seasonalMean(history, n + h, Math.floor(h / 7)) ?? 0;
    const low = errors.length ? Math.max(0, expected + quantile(sorted, 0.1)) : expected;
    const high = errors.length ? expected + quantile(sorted, 0.9) : expected;
    return { expected: round(expected), low: round(low), high: round(high) };
  });
  const absolute = errors.reduce((a, e) => a + Math.abs(e), 0);
  return {
    days,
    backtest: errors.length ? { days: errors.length, wape: actualSum > 0 ? absolute / actualSum : null, mae: round(absolute / errors.length) } : null,
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
