// The report's headline figures, each beside the same figure of the period before.
import { ArrowDown, ArrowRight, ArrowUp } from "lucide-react";
import { Card } from "@/components/ui/card";
import { durationText } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { ReportMetrics } from "@/lib/validations/reports";
import { kpiChange, type Better } from "./kpi-change";
import { countText, percentText } from "./report-format";

interface Kpi {
  label: string;
  value: (m: ReportMetrics) => number | null;
  format: (n: number | null) => string;
  better: Better;
  kind?: "rate";
  /** Small print under the value: what it was counted from. */
  detail?: (m: ReportMetrics) => string;
}

const count = (n: number | null) => (n === null ? "—" : countText(n));
const sla = (s: ReportMetrics["firstResponseSla"]) => (s.total ? `${countText(s.met)} of ${countText(s.total)} in time` : "no target");

const KPIS: Kpi[] = [
  { label: "Created", value: (m) => m.created, format: count, better: "neither" },
  { label: "Closed", value: (m) => m.closed, format: count, better: "higher" },
  { label: "First response, median", value: (m) => m.firstResponse.medianSeconds, format: durationText, better: "lower", detail: (m) => `${countText(m.firstResponse.count)} answered` },
  { label: "First response, p90", value: (m) => m.firstResponse.p90Seconds, format: durationText, better: "lower" },
  { label: "Resolution, median", value: (m) => m.resolution.medianSeconds, format: durationText, better: "lower", detail: (m) => `${countText(m.resolution.count)} resolved` },
  { label: "Resolution, p90", value: (m) => m.resolution.p90Seconds, format: durationText, better: "lower" },
  { label: "First response SLA", value: (m) => m.firstResponseSla.rate, format: percentText, better: "higher", kind: "rate", detail: (m) => sla(m.firstResponseSla) },
  { label: "Resolution SLA", value: (m) => m.resolutionSla.rate, format: percentText, better: "higher", kind: "rate", detail: (m) => sla(m.resolutionSla) },
];

const TONE = { good: "text-green-700", bad: "text-red-700", neutral: "text-slate-600" } as const;
const ARROW = { up: ArrowUp, down: ArrowDown, flat: ArrowRight, none: null } as const;

export function ReportKpis({ current, previous, previousLabel }: { current: ReportMetrics; previous: ReportMetrics; previousLabel: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={`Key figures, compared with ${previousLabel}`}>
      {KPIS.map((kpi) => {
        const now = kpi.value(current);
        const before = kpi.value(previous);
        const change = kpiChange(now, before, kpi.better, kpi.kind);
        const Arrow = ARROW[change.direction];
        return (
          <Card key={kpi.label} className="min-w-0 px-4 py-3">
            <dt className="truncate text-xs text-slate-600">{kpi.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{kpi.format(now)}</dd>
            {kpi.detail ? <dd className="truncate text-xs text-slate-500">{kpi.detail(current)}</dd> : null}
            <dd className={cn("mt-1 flex flex-wrap items-center gap-x-1 text-xs", TONE[change.tone])} data-tone={change.tone}>
              {Arrow ? <Arrow aria-hidden className="size-3.5" /> : null}
              <span aria-hidden>{change.text}</span>
              <span className="sr-only">{change.description}</span>
              {before !== null ? <span className="text-slate-500">vs {kpi.format(before)}</span> : change.direction === "none" && now !== null ? <span className="text-slate-500">no earlier figure</span> : null}
            </dd>
          </Card>
        );
      })}
    </dl>
  );
}
