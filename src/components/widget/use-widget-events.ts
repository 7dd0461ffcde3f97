"use client";
// The visitor's live stream (text/event-stream, one JSON WidgetStreamEvent per `data:` line).
// EventSource reconnects by itself after a dropped connection; it gives up only when the server
// answers with an error status (the widget paused, the token refused), and then this opens a new
// one after a growing pause. The stream does not replay what was missed while it was down, so
// every reconnect tells the caller to reload the history (`onResync`).
import { useEffect, useEffectEvent } from "react";
import type { WidgetStreamEvent } from "@/lib/validations/chat-widget";

const RETRY_MS = [2_000, 5_000, 15_000, 30_000];

export function parseStreamEvent(data: string): WidgetStreamEvent | null {
  try {
    const event = JSON.parse(data) as WidgetStreamEvent | null;
    return event && typeof event === "object" && typeof event.type === "string" ? event : null;
  } catch {
    return null;
  }
}

export function useWidgetEvents(
  url: string | null,
  handlers: { onEvent: (event: WidgetStreamEvent) => void; onResync: () => void; onLost: () => void },
): void {
  const onEvent = useEffectEvent(handlers.onEvent);
  const onResync = useEffectEvent(handlers.onResync);
  const onLost = useEffectEvent(handlers.onLost);

  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let lost = false;

    const open = () => {
      source = new EventSource(url);
      source.onopen = () => {
        failures = 0;
        if (lost) onResync();
        lost = false;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        const event = parseStreamEvent(message.data);
        if (event) onEvent(event);
      };
      source.onerror = () => {
        if (!lost) onLost();
        lost = true;
        if (source?.readyState !== EventSource.CLOSED) return; // reconnecting by itself
        source.close();
        retryTimer = setTimeout(open, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
      };
    };
    open();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [url]);
}
