"use client";
// Says when live updates are not flowing. Nothing while live; short breaks (a reconnect, a
// leader tab handing over) stay silent unless they last. It floats, so appearing moves nothing.
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";
import { useRealtimeRetry, useRealtimeState, type ConnectionState } from "@/trpc/realtime/use-realtime";

/**
 * How long a state lasts before it is shown. A routine reconnect (the server ends each stream
 * after a while; the browser's EventSource comes back about 3 s later) stays silent.
 */
const SHOW_AFTER_MS: Record<Exclude<ConnectionState, "live">, number> = { connecting: 6_000, reconnecting: 6_000, offline: 0 };

const TEXT = {
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  offline: "Offline — changes may be delayed",
} as const;

export function ConnectionStatus() {
  const state = useRealtimeState();
  const retry = useRealtimeRetry();
  const [lasted, setLasted] = useState<ConnectionState | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setLasted(state === "live" ? null : state), state === "live" ? 0 : SHOW_AFTER_MS[state]);
    return () => clearTimeout(timer);
  }, [state]);

  const shown = state === "offline" ? "offline" : state !== "live" && lasted === state ? state : null;

  return (
    // Always in the page, so screen readers announce what appears in it.
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 left-4 z-40 max-w-[calc(100vw-2rem)] md:left-64">
      {shown ? (
        <div
          className={cn(
            "pointer-events-auto flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm shadow-md",
            shown === "offline" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900",
          )}
        >
          <span
            aria-hidden
            className={cn("size-2 shrink-0 rounded-full", shown === "offline" ? "bg-red-500" : "animate-pulse bg-amber-500 motion-reduce:animate-none")}
          />
          <span className="min-w-0">{TEXT[shown]}</span>
          {shown === "offline" ? (
            <button type="button" onClick={retry} className="shrink-0 rounded font-medium text-red-800 underline underline-offset-2 hover:text-red-950">
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
