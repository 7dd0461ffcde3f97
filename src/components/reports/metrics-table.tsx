// A report's figures per value of its dimension, or per agent: one row each, the name opening
// that row's cases. Scrolls sideways on narrow screens, the name column staying put.
import { Link } from "@/components/ui/link";
import { durationText } from "@/lib/format";
import type { ReportGroupRow } from "@/lib/validations/reports";
import { countText, percentText } from "./report-format";

export type MetricColumn = "created" | "closed" | "frMedian" | "frP90" | "resMedian" | "resP90" | "frSla" | "resSla";

const COLUMNS: Record<MetricColumn, { header: string; title?: string; cell: (r: ReportGroupRow) => string }> = {
  created: { header: "Created", cell: (r) => countText(r.created) },
  closed: { header: "Closed", cell: (r) => countText(r.closed) },
  frMedian: { header: "First resp. median", cell: (r) => durationText(r.firstResponse.medianSeconds) },
  frP90: { header: "First resp. p90", title: "9 in 10 first responses came sooner", cell: (r) => durationText(r.firstResponse.p90Seconds) },
  resMedian: { header: "Resolution median", cell: (r) => durationText(r.resolution.medianSeconds) },
  resP90: { header: "Resolution p90", title: "9 in 10 resolutions came sooner", cell: (r) => durationText(r.resolution.p90Seconds) },
  frSla: { header: "First resp. SLA", title: "Answered within the SLA target, of the cases that had one", cell: (r) => percentText(r.firstResponseSla.rate) },
  resSla: { header: "Resolution SLA", title: "Resolved within the SLA target, of the cases that had one", cell: (r) => percentText(r.resolutionSla.rate) },
};

interface Props {
  caption: string;
  nameHeader: string;
  rows: ReportGroupRow[];
  columns: MetricColumn[];
  /** Overrides a column's header ("Handled" for agents' closed cases). */
  headers?: Partial<Record<MetricColumn, string>>;
  hrefFor: (row: ReportGroupRow) => string;
  empty: string;
}

export function MetricsTable({ caption, nameHeader, rows, columns, headers = {}, hrefFor, empty }: Props) {
  if (rows.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full whitespace-nowrap text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            <th scope="col" className="sticky left-0 bg-white px-4 py-2 font-medium">
              {nameHeader}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium" title={COLUMNS[c].title}>
                {headers[c] ?? COLUMNS[c].header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="sticky left-0 max-w-48 truncate bg-white px-4 py-2 text-left font-medium">
                <Link href={hrefFor(row)} className="text-slate-900 hover:text-brand-700 hover:underline">
                  {row.label}
                </Link>
              </th>
              {columns.map((c) => (
                <td key={c} className="px-3 py-2 text-right tabular-nums">
                  {COLUMNS[c].cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
