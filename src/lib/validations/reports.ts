// The reports page's question and answer: a date range in the organisation's time zone, the
// dimension the volume and times are split by, and day or week periods. Shared by the procedure,
// its REST route and the page's URL state.
import { z } from "zod";
import { text } from "./text";

export const REPORT_GROUPS = ["channel", "priority", "businessUnit", "category", "team"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
export const REPORT_INTERVALS = ["day", "week"] as const;
/** Times as the clock runs (calendar) or counted in the organisation's working hours (business). */
export const REPORT_TIMES = ["calendar", "business"] as const;
export type ReportTime = (typeof REPORT_TIMES)[number];
/** The longest range a report covers (a little over a year, so "last 12 months" fits). */
export const REPORT_MAX_DAYS = 400;

const isoDay = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date as YYYY-MM-DD" })
  // A real calendar day (not 2026-02-30), in the years every part of the app can store.
  .refine((v) => v >= "1970-01-01" && v <= "9999-12-31" && !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().startsWith(v), {
    message: "Use a date as YYYY-MM-DD",
  });

export const reportQuerySchema = z
  .object({
    /** First day, inclusive, in the organisation's time zone. Default: 29 days before `to`. */
    from: isoDay.optional(),
    /** Last day, inclusive. Default: today in the organisation's time zone (with `from`: at most 400 days after it). */
    to: isoDay.optional(),
    groupBy: z.enum(REPORT_GROUPS).default("channel"),
    interval: z.enum(REPORT_INTERVALS).default("day"),
    time: z.enum(REPORT_TIMES).default("calendar"),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "The range must start on or before its last day" });
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > REPORT_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["from"], message: `A report covers at most ${REPORT_MAX_DAYS} days` });
  });
export type ReportQuery = z.output<typeof reportQuerySchema>;
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

/** Times in seconds; null when nothing was counted. Medians and p90s come from the rollups' histograms (see histogram.ts). */
const timesSchema = z.object({
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  meanSeconds: z.number().nullable(),
});
/** Cases answered or resolved within their SLA target, of those that had one. */
const slaSchema = z.object({ met: z.number().int(), total: z.number().int(), rate: z.number().nullable() });

export const reportMetricsSchema = z.object({
  created: z.number().int(),
  /** Resolved, or closed without a resolution (merged duplicates). */
  closed: z.number().int(),
  firstResponse: timesSchema,
  resolution: timesSchema,
  firstResponseSla: slaSchema,
  resolutionSla: slaSchema,
});
export type ReportMetrics = z.output<typeof reportMetricsSchema>;

const groupRowSchema = reportMetricsSchema.extend({
  /** The dimension's value as stored ("" = none); for teams and agents an id. */
  key: z.string(),
  label: z.string(),
});
export type ReportGroupRow = z.output<typeof groupRowSchema>;

export const reportSchema = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    /** The period of the same length just before, for comparison. */
    previousFrom: z.string(),
    previousTo: z.string(),
    timeZone: z.string(),
    groupBy: z.enum(REPORT_GROUPS),
    interval: z.enum(REPORT_INTERVALS),
    time: z.enum(REPORT_TIMES),
    /** The instants the range starts and ends at (end exclusive), for links into the cases list. */
    startsAt: z.string(),
    endsAt: z.string(),
  }),
  /** When the rollups last took in the cases' changes; null before their first count. */
  countedAt: z.string().nullable(),
  current: reportMetricsSchema,
  previous: reportMetricsSchema,
  /** Cases created per period and group: `periods[i]` is the first day of period i. */
  volume: z.object({
    periods: z.array(z.string()),
    /** The instant each period starts at (the next one's start, or range.endsAt, ends it). */
    startsAt: z.array(z.string()),
    series: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(z.number().int()) })),
  }),
  /** The range's metrics per value of `groupBy`, largest first. */
  groups: z.array(groupRowSchema),
  backlog: z.object({
    /** Open cases at the end of each period. */
    series: z.array(z.object({ period: z.string(), open: z.number().int() })),
    /** Open cases now, by how many calendar days ago they were created (as of the last count). */
    age: z.array(z.object({ bucket: z.enum(["today", "1_2d", "3_6d", "7_29d", "30d_plus"]), count: z.number().int() })),
  }),
  /** Per assignee (key "" = unassigned): closed = handled. */
  agents: z.array(groupRowSchema),
  /**
   * New cases expected over the 14 days from today (whatever the range), in all with an
   * 80 % band and per channel; null with less than four weeks of history.
   */
  forecast: z
    .object({
      /** The last whole days the forecast learnt from (up to today), for drawing beside it. */
      recent: z.array(z.object({ day: z.string(), count: z.number().int() })),
      days: z.array(z.object({ day: z.string(), expected: z.number(), low: z.number(), high: z.number() })),
      channels: z.array(z.object({ key: z.string(), label: z.string(), expected: z.number(), wape: z.number().nullable() })),
      /** Predictions of the last 28 days made 8–14 days ahead, against what came. */
      backtest: z.object({ days: z.number().int(), wape: z.number().nullable(), mae: z.number() }).nullable(),
    })
    .nullable(),
});
export type Report = z.output<typeof reportSchema>;
