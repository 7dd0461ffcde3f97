"use client";
// The searchable lists behind the cases list's filter chips: the fields of "Add filter", and the
// values of one field (ticked or not; tags also take what is typed). Loaded on demand by
// filter-chips.tsx.
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Check, ListFilter } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils";
import type { ChoiceFilterKey } from "@/lib/validations/case-filters";
import { tagSchema } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { CHOICE_FIELDS, choiceField, toggleValue, type FilterContext } from "./filter-fields";

const itemClass = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm aria-selected:bg-slate-100";

/** The fields a filter can be added for (those with values to choose from). */
export function FieldMenu({ ctx, onPick }: { ctx: FilterContext; onPick: (field: ChoiceFilterKey) => void }) {
  return (
    <Command label="Add a filter" className="w-full">
      <Command.Input autoFocus placeholder="Filter by…" className="h-9 w-full border-b border-slate-200 bg-transparent px-3 text-sm outline-none placeholder:text-slate-500" />
      <Command.List className="max-h-72 overflow-y-auto p-1" label="Fields">
        <Command.Empty className="px-2 py-3 text-sm text-slate-500">No such field.</Command.Empty>
        {CHOICE_FIELDS.filter((f) => f.options(ctx) === "tags" || (f.options(ctx) as unknown[]).length > 0).map((f) => (
          <Command.Item key={f.key} value={f.label} onSelect={() => onPick(f.key)} className={itemClass}>
            <ListFilter className="size-4 text-slate-400" aria-hidden /> {f.label}
          </Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}

/** The values of one field, searchable, each ticked or not; tags also take what is typed. */
export function ValuePicker({ field, values, ctx, onChange }: { field: ChoiceFilterKey; values: string[]; ctx: FilterContext; onChange: (values: string[]) => void }) {
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
