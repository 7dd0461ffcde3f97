"use client";
// Suggested tags under a comma-separated tags field: the tenant's tags that start with the word
// being typed (or its most used ones while nothing is typed), one click to add.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The tags already written, and the unfinished last word. */
export function splitTags(value: string): { done: string[]; typing: string } {
  const parts = value.split(",");
  const typing = (parts.pop() ?? "").trim().toLowerCase();
  return { done: parts.map((t) => t.trim().toLowerCase()).filter(Boolean), typing };
}

/** The field's value with `tag` in place of the unfinished word, ready for the next one. */
export function withTag(value: string, tag: string): string {
  const { done } = splitTags(value);
  return `${[...done, tag].join(", ")}, `;
}

export function TagSuggestions({ value, onPick }: { value: string; onPick: (next: string) => void }) {
  const trpc = useTRPC();
  const { done, typing } = splitTags(value);
  const { data = [] } = useQuery({ ...trpc.cases.tags.queryOptions({ prefix: typing || undefined, limit: 8 }), placeholderData: (previous) => previous });
  const offered = data.filter((s) => !done.includes(s.tag) && s.tag !== typing).slice(0, 6);
  if (offered.length === 0) return null;
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-1.5" aria-label="Tag suggestions" role="group">
      {offered.map((s) => (
        <button
          key={s.tag}
          type="button"
          onClick={() => onPick(withTag(value, s.tag))}
          className="rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:border-brand-500 hover:text-brand-700"
        >
          {s.tag}
        </button>
      ))}
    </div>
  );
}
