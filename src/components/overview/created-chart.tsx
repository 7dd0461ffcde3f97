// A count per day as plain CSS bars: no chart library, readable without JavaScript. Cases created
// by default; other counts (searches) name themselves.
const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

interface Words {
  /** Plural noun: "cases". */
  noun: string;
  /** After the total: "created". */
  verb: string;
}

export function CreatedChart({ days, words = { noun: "cases", verb: "created" } }: { days: { date: string; count: number }[]; words?: Words }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const label = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));
  if (total === 0) {
    return <p className="grid h-40 place-items-center text-sm text-slate-500">No {words.noun} yet in the last {days.length} days.</p>;
  }
  return (
    <figure>
      <figcaption className="sr-only">
        {words.noun.charAt(0).toUpperCase() + words.noun.slice(1)} {words.verb} per day over the last {days.length} days, {total} in all.
      </figcaption>
      <div className="flex h-40 items-end gap-[3px]" role="list">
        {days.map((d) => (
          <div key={d.date} role="listitem" className="group relative flex h-full flex-1 items-end" aria-label={`${label(d.date)}: ${d.count}`}>
            <div
              className="w-full rounded-t-sm bg-brand-500/80 transition-colors group-hover:bg-brand-600"
              style={{ height: `${Math.max(d.count ? 3 : 1, (d.count / max) * 100)}%`, opacity: d.count ? 1 : 0.25 }}
            />
            <span className="pointer-events-none absolute -top-7 left-1/2 z-10 hidden -translate-x-1/2 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-xs text-white group-hover:block">
              {label(d.date)}: {d.count}
            </span>
          </div>
        ))}
      </div>
      <div className="mt-2 flex justify-between text-xs text-slate-500">
        <span>{days[0] ? label(days[0].date) : ""}</span>
        <span>
          {total} {words.verb} · peak {max}/day
        </span>
        <span>{days.at(-1) ? label(days.at(-1)!.date) : ""}</span>
      </div>
    </figure>
  );
}
