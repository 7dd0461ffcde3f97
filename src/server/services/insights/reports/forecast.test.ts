// The volume forecast: a weekly pattern is carried forward day by day, its back-test error is
// measured on predictions made two weeks ahead, and the band holds the back-test's spread.
import { describe, expect, it } from "vitest";
import { FORECAST_DAYS, FORECAST_HISTORY_DAYS, forecastVolume } from "./forecast";

const WEEK = [100, 90, 80, 70, 60, 20, 10];

describe("forecastVolume", () => {
  it("carries a clean weekly pattern forward exactly, with no back-test error", () => {
    const history = Array.from({ length: FORECAST_HISTORY_DAYS }, (_, i) => WEEK[i % 7]!);
    const forecast = forecastVolume(history)!;
    expect(forecast.days).toHaveLength(FORECAST_DAYS);
    const next = FORECAST_HISTORY_DAYS % 7;
    expect(forecast.days.map((d) => d.expected)).toEqual(Array.from({ length: FORECAST_DAYS }, (_, h) => WEEK[(next + h) % 7]));
    expect(forecast.backtest).toEqual({ days: 28, wape: 0, mae: 0 });
    expect(forecast.days.every((d) => d.low === d.expected && d.high === d.expected)).toBe(true);
  });

  it("states the back-test error of a noisy pattern and bands the forecast by it", () => {
    // ±10 on alternate weeks: the seasonal mean is right on average, each day off by about 10.
    const history = Array.from({ length: FORECAST_HISTORY_DAYS }, (_, i) => WEEK[i % 7]! + (Math.floor(i / 7) % 2 ? 10 : -10));
    const forecast = forecastVolume(history)!;
    expect(forecast.backtest!.mae).toBe(10);
    expect(forecast.backtest!.wape).toBeCloseTo(10 / (WEEK.reduce((a, b) => a + b, 0) / 7), 2);
    for (const d of forecast.days) {
      expect(d.low).toBeLessThanOrEqual(d.expected);
      expect(d.high).toBeGreaterThan(d.expected);
      expect(d.low).toBeGreaterThanOrEqual(0);
    }
  });

  it("needs four weeks of history; with less than a whole back-test it tests what it can", () => {
    expect(forecastVolume(new Array(27).fill(5))).toBeNull();
    const short = forecastVolume(new Array(40).fill(5))!;
    expect(short.backtest).toMatchObject({ days: 5, mae: 0 });
    expect(short.days.every((d) => d.expected === 5)).toBe(true);
  });
});
