"use client";
// The list's display options: row density, the optional columns and the preview pane. Each
// member's own, kept on their membership (cases.setDisplay), so it follows them to any device.
import { SlidersVertical } from "lucide-react";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { cn } from "@/lib/utils";
import { LIST_COLUMNS, type ListColumn } from "@/lib/case-fields";
import type { ListDisplay } from "@/lib/validations/list-display";

export const COLUMN_LABELS: Record<ListColumn, string> = { priority: "Priority", sla: "SLA", assignee: "Assignee", team: "Team", updated: "Updated" };

export function ListDisplayMenu({ display, onChange }: { display: ListDisplay; onChange: (next: ListDisplay) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  const toggle = (column: ListColumn) =>
    onChange({ ...display, columns: display.columns.includes(column) ? display.columns.filter((c) => c !== column) : [...display.columns, column] });
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        <SlidersVertical className="size-4" aria-hidden /> Display
      </button>
      {open ? (
        <div role="dialog" aria-label="Display" className="absolute right-0 top-full z-30 mt-1 w-60 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
          <fieldset>
            <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Rows</legend>
            <div className="mt-1.5 grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-0.5" role="radiogroup" aria-label="Rows">
              {(["comfortable", "compact"] as const).map((d) => (
                <button
                  key={d}
                  type="button"
                  role="radio"
                  aria-checked={display.density === d}
                  onClick={() => onChange({ ...display, density: d })}
                  className={cn("rounded px-2 py-1 capitalize", display.density === d ? "bg-white font-medium shadow-sm" : "text-slate-600")}
                >
                  {d}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset className="mt-3">
            <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Columns</legend>
            <ul className="mt-1">
              {LIST_COLUMNS.map((column) => (
                <li key={column}>
                  <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-slate-50">
                    <input type="checkbox" checked={display.columns.includes(column)} onChange={() => toggle(column)} className="size-4 accent-brand-600" />
                    {COLUMN_LABELS[column]}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label className="mt-3 flex cursor-pointer items-center justify-between gap-2 border-t border-slate-200 pt-3">
            <span>
              Preview pane <kbd className="ml-1 rounded border border-slate-300 px-1 font-mono text-[11px] text-slate-600">p</kbd>
            </span>
            <input type="checkbox" role="switch" checked={display.preview} onChange={(e) => onChange({ ...display, preview: e.target.checked })} className="size-4 accent-brand-600" />
          </label>
        </div>
      ) : null}
    </div>
  );
}
