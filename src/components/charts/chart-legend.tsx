// A chart's legend as HTML: a swatch and a name per series, each optionally a link (drill into
// that series) and with a figure beside it. Wraps on narrow screens.
import { Link } from "@/components/ui/link";
import { seriesColor } from "./chart-theme";

export interface LegendItem {
  label: string;
  detail?: string;
  href?: string;
}

export function ChartLegend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul aria-label={label} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {items.map((item, i) => {
        const body = (
          <>
            <span aria-hidden className="size-2.5 shrink-0 rounded-sm" style={{ background: seriesColor(i) }} />
            <span>{item.label}</span>
            {item.detail ? <span className="tabular-nums text-slate-500">{item.detail}</span> : null}
          </>
        );
        return (
          <li key={i}>
            {item.href ? (
              <Link href={item.href} className="flex items-center gap-1.5 text-slate-700 hover:text-brand-700 hover:underline">
                {body}
              </Link>
            ) : (
              <span className="flex items-center gap-1.5 text-slate-700">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
