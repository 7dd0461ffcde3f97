"use client";
// The cases list's filters as a row of chips (Status is Open, Pending ×), with an "Add filter"
// menu that searches the fields and then their values. Every change rewrites the URL at once,
// as a select would; the picker stays open so several values can be ticked in a row.
import { Plus, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { cn } from "@/lib/utils";
import type { CaseListQuery, ChoiceFilterKey } from "@/lib/validations/case-filters";
import { chipsOf, chipText, choiceField, flipChip, setChip, type Chip, type FilterContext } from "./filter-fields";

// The pickers (cmdk's searchable lists, the tag suggestions) are fetched when a menu first opens:
// every visit to the cases list shows the chips, few open a picker.
const pickerLoading = () => <p className="px-3 py-2 text-sm text-slate-500">Loading…</p>;
const FieldMenu = dynamic(() => import("./filter-pickers").then((m) => m.FieldMenu), { ssr: false, loading: pickerLoading });
const ValuePicker = dynamic(() => import("./filter-pickers").then((m) => m.ValuePicker), { ssr: false, loading: pickerLoading });

interface Props {
  query: CaseListQuery;
  ctx: FilterContext;
  /** Applies a change to the query (the URL). */
  change: (next: Partial<CaseListQuery>) => void;
  /** Chips for the fields that are not choices (SLA, dates, customer). */
  children?: ReactNode;
}

const chipClass = "inline-flex h-8 items-stretch overflow-hidden rounded-md border border-slate-300 bg-white text-sm shadow-sm";
const segmentClass = "inline-flex items-center px-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500";

export function FilterChips({ query, ctx, change, children }: Props) {
  const chips = chipsOf(query);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      {chips.map((chip) => (
        <FilterChip key={`${chip.key}:${chip.negated}`} chip={chip} ctx={ctx} change={change} />
      ))}
      <AddFilter query={query} ctx={ctx} change={change} />
      {children}
    </div>
  );
}

function FilterChip({ chip, ctx, change }: { chip: Chip; ctx: FilterContext; change: Props["change"] }) {
  const field = choiceField(chip.key);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  const operator = chip.negated ? "is not" : "is";
  return (
    <div ref={root} className="relative">
      <div className={cn(chipClass, "border-brand-500/60")} data-chip={chip.key}>
        <span className="inline-flex items-center bg-slate-50 px-2 font-medium text-slate-700">{field.label}</span>
        <button
          type="button"
          className={cn(segmentClass, "border-l border-slate-200 text-slate-600")}
          aria-label={`${field.label} ${operator}: change to ${chip.negated ? "is" : "is not"}`}
          onClick={() => change(flipChip(chip))}
        >
          {operator}
        </button>
        <button
          type="button"
          className={cn(segmentClass, "max-w-48 border-l border-slate-200 font-medium text-brand-700")}
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-label={`${field.label} ${operator} ${chipText(chip, ctx)}: change values`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="truncate">{chipText(chip, ctx)}</span>
        </button>
        <button type="button" className={cn(segmentClass, "border-l border-slate-200 text-slate-500")} aria-label={`Remove the ${field.label.toLowerCase()} filter`} onClick={() => change(setChip(chip, []))}>
          <X className="size-3.5" aria-hidden />
        </button>
      </div>
      {open ? (
        <Popover>
          <ValuePicker field={chip.key} values={chip.values} ctx={ctx} onChange={(values) => change(setChip(chip, values))} />
        </Popover>
      ) : null}
    </div>
  );
}

function AddFilter({ query, ctx, change }: Omit<Props, "children">) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState<ChoiceFilterKey | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    setPicking(null);
  }, []);
  useDismiss(open, close, root);
  // A field already filtered by "is" adds values to that chip; otherwise a new "is" chip starts.
  const values = picking ? (query[picking] ?? []) : [];
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-dashed border-slate-300 px-2.5 text-sm font-medium text-slate-600 hover:border-slate-400 hover:text-slate-900"
      >
        <Plus className="size-3.5" aria-hidden /> Filter
      </button>
      {open ? (
        <Popover>
          {picking ? (
            <ValuePicker field={picking} values={values} ctx={ctx} onChange={(next) => change(setChip({ key: picking, negated: false }, next))} />
          ) : (
            <FieldMenu ctx={ctx} onPick={setPicking} />
          )}
        </Popover>
      ) : null}
    </div>
  );
}

function Popover({ children }: { children: ReactNode }) {
  return <div className="absolute left-0 top-full z-30 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg">{children}</div>;
}
