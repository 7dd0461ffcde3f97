// The hover (and keyboard) tooltip of the charts, styled with the app's palette so it follows the
// theme; series in the order drawn, with a total when bars are stacked.
import type { TooltipPayloadEntry } from "recharts";

interface Props {
  active?: boolean;
  payload?: readonly TooltipPayloadEntry[];
  label?: string | number;
  /** Adds a "Total" line (stacked bars). */
  showTotal?: boolean;
  /** The category's label (the x value) as shown to people. */
  formatLabel?: (label: string) => string;
}

export function ChartTooltip({ active, payload, label, showTotal, formatLabel }: Props) {
  if (!active || !payload?.length) return null;
  const items = payload.filter((p) => typeof p.value === "number");
  const total = items.reduce((sum, p) => sum + (p.value as number), 0);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md">
      <p className="mb-1 font-medium">{formatLabel ? formatLabel(String(label)) : String(label)}</p>
      <ul className="space-y-0.5">
        {items.map((p) => (
          <li key={String(p.dataKey)} className="flex items-center gap-2">
            <span aria-hidden className="size-2 shrink-0 rounded-sm" style={{ background: p.color }} />
            <span className="text-slate-600">{p.name}</span>
            <span className="ml-auto pl-3 tabular-nums">{(p.value as number).toLocaleString("en")}</span>
          </li>
        ))}
        {showTotal && items.length > 1 ? (
          <li className="flex border-t border-slate-200 pt-0.5 font-medium">
            Total<span className="ml-auto pl-3 tabular-nums">{total.toLocaleString("en")}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
