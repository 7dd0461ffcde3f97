"use client";
// The list under the composer while typing @ (members) or / (canned responses): arrows move,
// Enter or Tab picks, Escape closes (the composer's key handler); a click picks too.
import { cn } from "@/lib/utils";

export interface Suggestion {
  key: string;
  label: string;
  detail: string;
}

export function ComposerSuggestions({ label, items, active, onPick }: { label: string; items: Suggestion[]; active: number; onPick: (index: number) => void }) {
  if (!items.length) return null;
  return (
    <ul role="listbox" aria-label={label} className="absolute left-3 z-20 mt-1 w-72 max-w-[calc(100%-1.5rem)] overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg">
      {items.map((item, i) => (
        <li key={item.key} role="option" aria-selected={i === active}>
          <button
            type="button"
            onMouseDown={(e) => {
              // Keeps the caret in the textarea.
              e.preventDefault();
              onPick(i);
            }}
            className={cn("flex w-full flex-col px-3 py-1.5 text-left text-sm", i === active ? "bg-brand-50" : "hover:bg-slate-50")}
          >
            <span className="truncate font-medium">{item.label}</span>
            <span className="truncate text-xs text-slate-500">{item.detail}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
