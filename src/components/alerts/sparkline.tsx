// Counts over equal periods as a row of thin bars: enough to see whether something fires steadily,
// in bursts or has gone quiet. Plain elements, readable without JavaScript, with the figures in
// the accessible name.
import { cn } from "@/lib/utils";

export interface SparkBucket {
  label: string;
  count: number;
}

export function Sparkline({ buckets, caption, className }: { buckets: SparkBucket[]; caption: string; className?: string }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <figure className={className}>
      <figcaption className="sr-only">{caption}</figcaption>
      <div className="flex h-8 items-end gap-px" role="list">
        {buckets.map((b, i) => (
          <div key={i} role="listitem" aria-label={`${b.label}: ${b.count}`} title={`${b.label}: ${b.count}`} className="flex h-full flex-1 items-end">
            <div
              className={cn("w-full rounded-t-[1px]", b.count ? "bg-red-500/80" : "bg-slate-200")}
              style={{ height: `${b.count ? Math.max(12, (b.count / max) * 100) : 6}%` }}
            />
          </div>
        ))}
      </div>
    </figure>
  );
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const hourFormat = new Intl.DateTimeFormat("en", { weekday: "short", hour: "numeric" });
const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });

/**
 * Firings per hour over the last day when they all fall in it, otherwise per day over the last
 * two weeks: an alert that flaps within the hour and one that recurs daily both show a shape.
 */
export function firingBuckets(firings: readonly Date[], now: Date): { buckets: SparkBucket[]; span: string } {
  const recent = firings.every((f) => now.getTime() - f.getTime() < DAY_MS);
  const [size, count, format, span] = recent ? [HOUR_MS, 24, hourFormat, "last 24 hours"] : [DAY_MS, 14, dayFormat, "last 14 days"];
  const end = Math.floor(now.getTime() / size) * size + size;
  const start = end - size * count;
  const buckets = Array.from({ length: count }, (_, i) => ({ label: format.format(new Date(start + i * size)), count: 0 }));
  for (const f of firings) {
    const i = Math.floor((f.getTime() - start) / size);
    if (i >= 0 && i < count) buckets[i]!.count++;
  }
  return { buckets, span };
}
