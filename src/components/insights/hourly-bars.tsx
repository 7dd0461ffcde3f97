// A topic's cases per hour over its 24-hour window, as CSS bars like the overview's daily chart,
// labelled with the hour in the reader's time zone.
export function HourlyBars({ values, windowStart, timeZone }: { values: readonly number[]; windowStart: Date; timeZone: string }) {
  const max = Math.max(1, ...values);
  const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  const day = new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const at = (i: number) => hour.format(new Date(windowStart.getTime() + i * 3_600_000));
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <figure>
      <figcaption className="sr-only">Cases per hour over the last 24 hours, {total} in all.</figcaption>
      <div className="flex h-32 items-end gap-[3px]" role="list">
        {values.map((n, i) => (
          <div key={i} role="listitem" className="group relative flex h-full flex-1 items-end" aria-label={`From ${at(i)}: ${n}`}>
            <div
              className="w-full rounded-t-sm bg-brand-500/80 transition-colors group-hover:bg-brand-600"
              style={{ height: `${Math.max(n ? 4 : 1, (n / max) * 100)}%`, opacity: n ? 1 : 0.25 }}
            />
            <span className="pointer-events-none absolute -top-7 left-1/2 z-10 hidden -translate-x-1/2 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-xs text-white group-hover:block">
              {at(i)}: {n}
            </span>
          </div>
        ))}
      </div>
      <div className="mt-2 flex justify-between text-xs text-slate-500">
        <span>{day.format(windowStart)}</span>
        <span>peak {max}/hour</span>
        <span>now</span>
      </div>
    </figure>
  );
}
