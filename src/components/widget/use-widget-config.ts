"use client";
// The widget's name, colour, greeting and hours, loaded once when the chat page opens.
import { useCallback, useEffect, useState } from "react";
import type { WidgetConfig } from "@/lib/validations/chat-widget";
import { networkError, WidgetApiError, type WidgetApi } from "./widget-api";

export type ConfigState = { status: "loading" } | { status: "ready"; config: WidgetConfig } | { status: "failed"; error: WidgetApiError };

const asApiError = (error: unknown) => (error instanceof WidgetApiError ? error : networkError());

export function useWidgetConfig(api: WidgetApi): { state: ConfigState; retry: () => void } {
  const [state, setState] = useState<ConfigState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.config().then(
      (config) => current && setState({ status: "ready", config }),
      (error: unknown) => current && setState({ status: "failed", error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
