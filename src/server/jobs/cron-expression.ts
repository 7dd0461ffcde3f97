// Five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in UTC so
// every instance agrees on a slot whatever its local time zone. Recurring tasks only need the
// latest slot at or before "now"; a dependency for that was not worth it.
//
// Supported: `*`, numbers, ranges `a-b`, steps `*/n` `a-b/n` `a/n`, lists `a,b`, month and weekday
// names (jan…dec, sun…sat), weekday 7 = Sunday, and the @hourly/@daily/@weekly/@monthly/@yearly
// shorthands. As in Vixie cron, when both day fields are restricted a day matching either counts.

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { name: "day of week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
] as const;

const SHORTHANDS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const MINUTE = 60_000;
/** How far back `previous` looks before deciding an expression never matches (e.g. 30 February). */
const SEARCH_LIMIT_MS = 5 * 366 * 24 * 60 * MINUTE;

export class CronExpressionError extends Error {
  override readonly name = "CronExpressionError";
}

export interface CronSchedule {
  readonly expression: string;
  /** The latest slot at or before `at` (whole minutes, UTC), or undefined when none in five years. */
  previous(at: Date): Date | undefined;
}

function parseValue(text: string, field: (typeof FIELDS)[number], expression: string): number {
  const names: readonly string[] = "names" in field ? field.names : [];
  const named = names.indexOf(text.toLowerCase());
  if (named >= 0) return named + (field.name === "month" ? 1 : 0);
  if (!/^\d+$/.test(text)) throw new CronExpressionError(`"${expression}": "${text}" is not a valid ${field.name}`);
  const value = Number(text);
  if (value < field.min || value > field.max) {
    throw new CronExpressionError(`"${expression}": ${field.name} ${value} is outside ${field.min}-${field.max}`);
  }
  return value;
}

function parseField(text: string, field: (typeof FIELDS)[number], expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText, extra] = part.split("/");
    if (range === undefined || range === "" || extra !== undefined) {
      throw new CronExpressionError(`"${expression}": "${part}" is not a valid ${field.name}`);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw new CronExpressionError(`"${expression}": step "${stepText}" is not a positive integer`);
    }
    let from: number;
    let to: number;
    if (range === "*") {
      from = field.min;
      to = field.max;
    } else if (range.includes("-")) {
      const [a, b] = range.split("-");
      from = parseValue(a ?? "", field, expression);
      to = parseValue(b ?? "", field, expression);
      if (from > to) throw new CronExpressionError(`"${expression}": range ${range} runs backwards`);
    } else {
      from = parseValue(range, field, expression);
      // "5/15" means from 5 to the end in steps of 15.
      to = stepText === undefined ? from : field.max;
    }
    for (let v = from; v <= to; v += step) values.add(field.name === "day of week" && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const source = SHORTHANDS[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = source.split(/\s+/);
  if (parts.length !== 5) {
    throw new CronExpressionError(`"${expression}": expected 5 fields (minute hour day-of-month month day-of-week)`);
  }
  const [minutes, hours, days, months, weekdays] = FIELDS.map((field, i) => parseField(parts[i]!, field, expression)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const daysRestricted = !parts[2]!.startsWith("*");
  const weekdaysRestricted = !parts[4]!.startsWith("*");

  const dayMatches = (d: Date) => {
    const byDate = days.has(d.getUTCDate());
    const byWeekday = weekdays.has(d.getUTCDay());
    if (daysRestricted && weekdaysRestricted) return byDate || byWeekday;
    if (daysRestricted) return byDate;
    if (weekdaysRestricted) return byWeekday;
    return true;
  };

  return {
    expression,
    previous(at) {
      let t = Math.floor(at.getTime() / MINUTE) * MINUTE;
      const stop = t - SEARCH_LIMIT_MS;
      // Walk backwards, skipping a whole month, day or hour as soon as it cannot match.
      while (t >= stop) {
        const d = new Date(t);
        const y = d.getUTCFullYear();
        const mo = d.getUTCMonth();
        const day = d.getUTCDate();
        if (!months.has(mo + 1)) {
          t = Date.UTC(y, mo, 1) - MINUTE;
        } else if (!dayMatches(d)) {
          t = Date.UTC(y, mo, day) - MINUTE;
        } else if (!hours.has(d.getUTCHours())) {
          t = Date.UTC(y, mo, day, d.getUTCHours()) - MINUTE;
        } else if (!minutes.has(d.getUTCMinutes())) {
          t -= MINUTE;
        } else {
          return d;
        }
      }
      return undefined;
    },
  };
}
