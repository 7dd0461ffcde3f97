"use client";
// The macro picked in the composer whose reply is being written: its actions run with Send.
import { X } from "lucide-react";
import type { MacroChoice } from "./use-macros";

export function StagedMacro({ macro, onRemove }: { macro: MacroChoice; onRemove: () => void }) {
  return (
    <div role="status" className="mx-3 mb-2 flex items-start gap-2 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
      <p className="min-w-0 flex-1">
        <span className="font-medium">Macro “{macro.name}”</span> runs with Send: <span className="break-words">{macro.summary}</span>
      </p>
      <button type="button" onClick={onRemove} className="rounded p-0.5 text-brand-700 hover:bg-brand-100" aria-label={`Remove macro ${macro.name}`}>
        <X aria-hidden className="h-4 w-4" />
      </button>
    </div>
  );
}
