"use client";
// The report's question, kept in the URL: a range (presets or two days), the dimension and the
// period length. Each change replaces the URL, and the server page answers the new question.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { REPORT_GROUPS, REPORT_INTERVALS, type ReportGroup, REPORT_TIMES, type ReportTime } from "@/lib/validations/reports";
import { GROUP_LABELS } from "./report-format";
import { presetRange, RANGE_PRESETS } from "./report-params";

interface Props {
  /** The range the report covers (defaults resolved). */
  from: string;
  to: string;
  groupBy: ReportGroup;
  interval: "day" | "week";
  time: ReportTime;
  /** Today on the organisation's calendar: presets end on it. */
  today: string;
}

const segment = (active: boolean) => cn("h-8 px-3 text-xs", active ? "border-brand-500 bg-brand-50 text-brand-700" : "");

export function ReportToolbar({ from, to, groupBy, interval, time, today }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  // Defaults are left out of the URL (no range = the last 30 days), to keep links short.
  const go = (patch: Record<string, string | null>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const search = params.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  return (
    <div className={cn("flex flex-wrap items-center gap-x-4 gap-y-2", pending && "opacity-60")} aria-busy={pending}>
      <div role="group" aria-label="Range" className="flex flex-wrap gap-1">
        {RANGE_PRESETS.map((days) => {
          const preset = presetRange(days, today);
          const active = preset.from === from && preset.to === to;
          return (
            <Button key={days} variant="secondary" size="sm" className={segment(active)} aria-pressed={active} onClick={() => go(days === 30 ? { from: null, to: null } : preset)}>
              Last {days} days
            </Button>
          );
        })}
      </div>
      <form
        key={`${from}|${to}`}
        className="flex flex-wrap items-center gap-1 text-xs"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const days = [String(form.get("from") ?? ""), String(form.get("to") ?? "")].sort();
          // Sorted: days typed the wrong way round still mean the range between them.
          go({ from: days[0] || null, to: days[1] || null });
        }}
      >
        <Input type="date" name="from" aria-label="From" defaultValue={from} max={today} className="h-8 w-36 text-xs" required />
        <span aria-hidden>–</span>
        <Input type="date" name="to" aria-label="To (inclusive)" defaultValue={to} max={today} className="h-8 w-36 text-xs" required />
        <Button type="submit" variant="secondary" size="sm" className="h-8 text-xs">
          Apply
        </Button>
      </form>
      <label className="flex items-center gap-1.5 text-xs text-slate-600">
        Group by
        <Select value={groupBy} onChange={(e) => go({ groupBy: e.target.value === "channel" ? null : e.target.value })} className="h-8 w-auto text-xs">
          {REPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </Select>
      </label>
      <div role="group" aria-label="Period" className="flex gap-1">
        {REPORT_INTERVALS.map((i) => (
          <Button key={i} variant="secondary" size="sm" className={segment(interval === i)} aria-pressed={interval === i} onClick={() => go({ interval: i === "day" ? null : i })}>
            {i === "day" ? "Daily" : "Weekly"}
          </Button>
        ))}
      </div>
      <div role="group" aria-label="Times counted in" className="flex gap-1">
        {REPORT_TIMES.map((t) => (
          <Button key={t} variant="secondary" size="sm" className={segment(time === t)} aria-pressed={time === t} onClick={() => go({ time: t === "calendar" ? null : t })}>
            {t === "calendar" ? "Calendar hours" : "Business hours"}
          </Button>
        ))}
      </div>
    </div>
  );
}
