"use client";
// The cases list's filters as a row of chips (Status is Open, Pending ×), with an "Add filter"
// menu that searches the fields and then their values. Every change rewrites the URL at once,
// as a select would; the picker stays open so several values can be ticked in a row.
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Check, ListFilter, Plus, X } from "lucide-react";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { cn } from "@/lib/utils";
import type { CaseListQuery, ChoiceFilterKey } from "@/lib/validations/case-filters";
import { tagSchema } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { CHOICE_FIELDS, chipsOf, chipText, choiceField, flipChip, setChip, toggleValue, type Chip, type FilterContext } from "./filter-fields";

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
const itemClass = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm aria-selected:bg-slate-100";

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
            <Command label="Add a filter" className="w-full">
              <Command.Input autoFocus placeholder="Filter by…" className="h-9 w-full border-b border-slate-200 bg-transparent px-3 text-sm outline-none placeholder:text-slate-500" />
              <Command.List className="max-h-72 overflow-y-auto p-1" label="Fields">
                <Command.Empty className="px-2 py-3 text-sm text-slate-500">No such field.</Command.Empty>
                {CHOICE_FIELDS.filter((f) => f.options(ctx) === "tags" || (f.options(ctx) as unknown[]).length > 0).map((f) => (
                  <Command.Item key={f.key} value={f.label} onSelect={() => setPicking(f.key)} className={itemClass}>
                    <ListFilter className="size-4 text-slate-400" aria-hidden /> {f.label}
                  </Command.Item>
                ))}
              </Command.List>
            </Command>
          )}
        </Popover>
      ) : null}
    </div>
  );
}

function Popover({ children }: { children: ReactNode }) {
  return <div className="absolute left-0 top-full z-30 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg">{children}</div>;
}

/** The values of one field, searchable, each ticked or not; tags also take what is typed. */
function ValuePicker({ field, values, ctx, onChange }: { field: ChoiceFilterKey; values: string[]; ctx: FilterContext; onChange: (values: string[]) => void }) {
  const spec = choiceField(field);
  const [text, setText] = useState("");
  // Ticks count from what this picker has ticked, not from the URL: a second tick made before the
  // first one's page has arrived must not drop the first.
  const [picked, setPicked] = useState(values);
  const pick = (value: string) => {
    const next = toggleValue(picked, value);
    setPicked(next);
    onChange(next);
  };
  const trpc = useTRPC();
  const isTags = spec.options(ctx) === "tags";
  const suggestions = useQuery({ ...trpc.cases.tags.queryOptions({ prefix: text.trim() || undefined, limit: 10 }), enabled: isTags });
  const typed = tagSchema.safeParse(text);
  const options: { value: string; label: string; hint?: string }[] = isTags
    ? [
        ...picked.map((v) => ({ value: v, label: v })),
        ...(suggestions.data ?? []).filter((s) => !picked.includes(s.tag)).map((s) => ({ value: s.tag, label: `${s.tag}`, hint: `${s.cases}` })),
        ...(typed.success && !picked.includes(typed.data) && !suggestions.data?.some((s) => s.tag === typed.data) ? [{ value: typed.data, label: `Add “${typed.data}”` }] : []),
      ]
    : (spec.options(ctx) as { value: string; label: string }[]);
  return (
    <Command label={`${spec.label} values`} shouldFilter={!isTags} className="w-full">
      <Command.Input
        autoFocus
        value={text}
        onValueChange={setText}
        placeholder={isTags ? "Find or type a tag…" : `${spec.label}…`}
        className="h-9 w-full border-b border-slate-200 bg-transparent px-3 text-sm outline-none placeholder:text-slate-500"
      />
      <Command.List className="max-h-72 overflow-y-auto p-1" label={`${spec.label} values`}>
        <Command.Empty className="px-2 py-3 text-sm text-slate-500">{isTags && suggestions.isFetching ? "Looking…" : "Nothing matches."}</Command.Empty>
        {options.map((o) => {
          const ticked = picked.includes(o.value);
          return (
            <Command.Item key={o.value} value={`${o.label} ${o.value}`} onSelect={() => pick(o.value)} className={itemClass} data-checked={ticked || undefined}>
              <span className={cn("grid size-4 shrink-0 place-items-center rounded border", ticked ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300")} aria-hidden>
                {ticked ? <Check className="size-3" /> : null}
              </span>
              <span className="min-w-0 truncate">{o.label}</span>
              {o.hint ? <span className="ml-auto text-xs text-slate-500">{o.hint}</span> : null}
              <span className="sr-only">{ticked ? "(selected)" : ""}</span>
            </Command.Item>
          );
        })}
      </Command.List>
    </Command>
  );
}
