"use client";
// The visitor: created on the first visit, continued on the next ones (the stored token, or the
// cookie where the browser keeps it), and attached to the host site's customer when the site
// vouches for them. A later identity (the visitor signed in on the site) continues the same
// session with it. An identity the server refuses (a stale or wrong signature) is the site's
// mistake: it is logged for the site's developers and the visitor chats anonymously instead.
import { useCallback, useEffect, useState } from "react";
import type { WidgetIdentity } from "@/lib/validations/chat-widget";
import { isUnavailable, networkError, WidgetApiError, type WidgetApi, type WidgetVisitor } from "./widget-api";
import { readVisitorToken, storeVisitorToken } from "./visitor-token";

export type SessionState =
  | { status: "waiting" }
  | { status: "ready"; token: string; visitor: WidgetVisitor }
  | { status: "failed"; error: WidgetApiError };

const asApiError = (error: unknown) => (error instanceof WidgetApiError ? error : networkError());

/** Refusals that retrying anonymously cannot help with. */
const isFinal = (error: WidgetApiError) => error.status === 0 || error.status === 429 || error.status >= 500 || isUnavailable(error);

async function startSession(api: WidgetApi, widgetId: string, identity: WidgetIdentity | null) {
  const token = readVisitorToken(widgetId);
  try {
    return await api.session(identity, token);
  } catch (error) {
    const apiError = asApiError(error);
    if (!identity || isFinal(apiError)) throw apiError;
    console.warn(`Caseboard chat: the identity was refused (${apiError.message}); continuing anonymously`);
    return api.session(null, token);
  }
}

export function useWidgetSession(
  api: WidgetApi,
  widgetId: string,
  { enabled, identity }: { enabled: boolean; identity: WidgetIdentity | null },
): { state: SessionState; retry: () => void } {
  const [state, setState] = useState<SessionState>({ status: "waiting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    startSession(api, widgetId, identity).then(
      (answer) => {
        if (!current) return;
        storeVisitorToken(widgetId, answer.visitorToken);
        setState({ status: "ready", token: answer.visitorToken, visitor: answer.visitor });
      },
      (error: unknown) => current && setState({ status: "failed", error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, widgetId, enabled, identity, attempt]);

  const retry = useCallback(() => {
    setState({ status: "waiting" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
