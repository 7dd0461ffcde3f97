"use client";
// The widget on or off, changed optimistically as the role select of Settings → Members is: the
// switch moves at once, and a refusal puts it back to what the server holds, with the reason.
import { useOptimistic, useState, useTransition } from "react";
import type { ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { cn } from "@/lib/utils";
import { updateChatWidgetAction } from "./chat-widget-actions";
import { FormAlert } from "@/components/ui/form-feedback";

export function PauseSwitch({ slug, enabled, onChanged }: { slug: string; enabled: boolean; onChanged?: (settings: ChatWidgetSettings) => void }) {
  const [confirmed, setConfirmed] = useState(enabled);
  const [shown, setShown] = useOptimistic(confirmed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  // The page re-renders with the server's settings after each save: those are the ones to show.
  const [serverEnabled, setServerEnabled] = useState(enabled);
  if (enabled !== serverEnabled) {
    setServerEnabled(enabled);
    setConfirmed(enabled);
  }

  const toggle = () => {
    const next = !shown;
    setError(null);
    startTransition(async () => {
      setShown(next);
      const result = await updateChatWidgetAction(slug, { enabled: next });
      startTransition(() => {
        // On refusal `confirmed` stays, and the switch falls back to it when the transition ends.
        if (result.ok) {
          setConfirmed(result.data.enabled);
          onChanged?.(result.data);
        } else setError(result.error.message);
      });
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p id="widget-enabled-label" className="text-sm font-medium text-slate-800">
            Chat widget {shown ? "on" : "off"}
          </p>
          <p id="widget-enabled-hint" className="mt-0.5 text-sm text-slate-600">
            Turn it off to stop spam: the widget disappears from every website and visitors&apos; messages are refused until you turn it on again.
            Conversations already in cases stay as they are.
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={shown}
          aria-labelledby="widget-enabled-label"
          aria-describedby="widget-enabled-hint"
          disabled={pending}
          onClick={toggle}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full transition-colors disabled:cursor-wait disabled:opacity-70",
            shown ? "bg-brand-600" : "bg-slate-300",
          )}
        >
          <span aria-hidden className={cn("inline-block size-5 rounded-full bg-white shadow-sm ring-1 ring-slate-900/10 transition-transform", shown ? "translate-x-5.5" : "translate-x-0.5")} />
        </button>
      </div>
      <FormAlert message={error} />
    </div>
  );
}
