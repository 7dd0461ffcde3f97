"use client";
// A count per day as bars with axes and the day's count on hover, and the figures as a hidden
// table for screen readers. Cases created by default; other counts (searches) name themselves.
import { DayBars } from "@/components/charts/day-bars";

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));

interface Words {
  /** Plural noun: "cases". */
  noun: string;
  /** After the total: "created". */
  verb: string;
}

export function CreatedChart({ days, words = { noun: "cases", verb: "created" } }: { days: { date: string; count: number }[]; words?: Words }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) {
    return <p className="grid h-40 place-items-center text-sm text-slate-500">No {words.noun} yet in the last {days.length} days.</p>;
  }
  const Noun = words.noun.charAt(0).toUpperCase() + words.noun.slice(1);
  return (
    <div>
      <DayBars
        days={days}
        name={Noun}
        summary={`${Noun} ${words.verb} per day over the last ${days.length} days, ${total} in all.`}
        formatDay={label}
      />
      <p className="mt-2 text-right text-xs text-slate-500">
        {total} {words.verb} · peak {max}/day
      </p>
    </div>
  );
}
