"use client";
// What the organisation's resolved cases say about the case being written: the likeliest
// category, business unit and priority, each one click to take. Asked for once typing pauses;
// a value already chosen is not offered again. Nothing shows while the organisation has no
// trained model (the answer is empty then).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { FIELD_LABEL, percent, valueText } from "@/components/ai/suggestion-words";
import { useDebounced } from "@/components/command/use-debounced";
import { LEARNED_DESCRIPTION_CHARS } from "@/lib/validations/triage-model";
import { useTRPC } from "@/trpc/react";

export type LearnedField = "category" | "businessUnit" | "priority";

/** Fewer characters than this say too little to ask about. */
const MIN_TEXT = 8;

interface Props {
  title: string;
  description: string;
  /** The form's current values: a suggestion equal to one is not shown. */
  current: Record<LearnedField, string>;
  onPick: (field: LearnedField, value: string) => void;
}

export function LearnedFieldSuggestions({ title, description, current, onPick }: Props) {
  const trpc = useTRPC();
  // Strings, not an object: an object would be a new value each render and never settle.
  const text = {
    title: useDebounced(title.trim().slice(0, 200), 400),
    description: useDebounced(description.trim().slice(0, LEARNED_DESCRIPTION_CHARS), 400),
  };
  const long = text.title.length + text.description.length >= MIN_TEXT;
  const { data } = useQuery({ ...trpc.ai.learnedTriage.queryOptions(text), enabled: long, placeholderData: keepPreviousData, staleTime: 60_000 });
  const offered = long ? (data?.items ?? []).filter((s) => current[s.field] !== s.value) : [];
  if (offered.length === 0) return null;
  return (
    <div role="group" aria-label="Suggested from your resolved cases" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="flex items-center gap-1 text-slate-500">
        <Sparkles aria-hidden className="h-3.5 w-3.5 text-brand-600" /> Suggested from your resolved cases:
      </span>
      {offered.map((s) => {
        const sure = percent(s.confidence);
        return (
          <button
            key={s.field}
            type="button"
            onClick={() => onPick(s.field, s.value)}
            aria-label={`Use ${FIELD_LABEL[s.field]!.toLowerCase()} ${valueText(s.field, s.value)} (${sure} sure)`}
            title={s.accuracy === null ? undefined : `Right ${percent(s.accuracy)} of the time on resolved cases it had not seen`}
            className="rounded-full border border-slate-300 px-2 py-0.5 text-slate-700 hover:border-brand-500 hover:text-brand-700"
          >
            {FIELD_LABEL[s.field]}: <span className="font-medium">{valueText(s.field, s.value)}</span> <span className="text-slate-500">· {sure}</span>
          </button>
        );
      })}
    </div>
  );
}
