import { cn } from "@/lib/utils";

/**
 * How far something has got, 0–100, as a thin bar. The ARIA attributes are spelled out (rather
 * than a native <progress>) so the bar looks the same in every browser and theme.
 */
export function ProgressBar({ value, label, className }: { value: number; label: string; className?: string }) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className={cn("h-1.5 overflow-hidden rounded-full bg-slate-200", className)}>
      <div className="h-full rounded-full bg-brand-600 transition-[width] motion-reduce:transition-none" style={{ width: `${percent}%` }} />
    </div>
  );
}
