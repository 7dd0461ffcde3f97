// The accessible frame of every chart: a figure whose caption says in one sentence what the chart
// shows, and a table of the figures the chart draws. The SVG is only explorable one point at a
// time (recharts' accessibility layer, arrow keys), so the table is what screen readers read:
// visually hidden, or, when its cells lead somewhere (a drill-down), behind a visible "Show as a
// table" so keyboard users can reach the links too.
import { useId, type ReactNode } from "react";
import { Link } from "@/components/ui/link";

export interface ChartTable {
  /** Column headers: the first names the rows (e.g. "Period"), the rest the series. */
  columns: string[];
  rows: { label: string; values: (number | string)[] }[];
}

interface Props {
  summary: string;
  table?: ChartTable;
  /** Where a cell leads (row, value column), if anywhere. */
  cellHref?: (row: number, column: number) => string | undefined;
  children: ReactNode;
  className?: string;
}

export function ChartFigure({ summary, table, cellHref, children, className }: Props) {
  const captionId = useId();
  const grid = table && table.rows.length > 0 ? <FiguresTable table={table} cellHref={cellHref} visible={Boolean(cellHref)} /> : null;
  return (
    <figure className={className} aria-labelledby={captionId}>
      <figcaption id={captionId} className="sr-only">{summary}</figcaption>
      {children}
      {grid && cellHref ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Show as a table</summary>
          <div className="mt-2 overflow-x-auto">{grid}</div>
        </details>
      ) : (
        grid
      )}
    </figure>
  );
}

function FiguresTable({ table, cellHref, visible }: { table: ChartTable; cellHref?: Props["cellHref"]; visible: boolean }) {
  return (
    <table className={visible ? "w-full text-xs tabular-nums" : "sr-only"}>
      <thead className="text-left text-slate-600">
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col" className={visible ? `px-2 py-1 font-medium ${i ? "text-right" : ""}` : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={visible ? "divide-y divide-slate-100" : undefined}>
        {table.rows.map((row, r) => (
          <tr key={r}>
            <th scope="row" className={visible ? "whitespace-nowrap px-2 py-1 text-left font-normal text-slate-600" : undefined}>
              {row.label}
            </th>
            {row.values.map((v, c) => {
              const text = typeof v === "number" ? v.toLocaleString("en") : v;
              const href = cellHref?.(r, c);
              return (
                <td key={c} className={visible ? "px-2 py-1 text-right" : undefined}>
                  {href ? (
                    <Link href={href} className="text-brand-700 hover:underline">
                      {text}
                    </Link>
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a chart's SVG will be while recharts loads: its box, so nothing moves when it arrives. */
export function ChartPlaceholder() {
  return <div aria-hidden className="h-full w-full animate-pulse rounded bg-slate-50" />;
}
