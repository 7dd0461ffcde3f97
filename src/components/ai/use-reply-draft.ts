"use client";
// "Draft reply": opens the ai.draftReply stream and hands each preview to the composer, then the
// validated draft; stops when asked, when the component goes, or on an error (shown, never sent).
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/trpc/react";

export type DraftState = { status: "idle" } | { status: "drafting" } | { status: "done" } | { status: "error"; message: string };

export function useReplyDraft(caseId: string, onText: (text: string) => void) {
  const client = useTRPCClient();
  const [state, setState] = useState<DraftState>({ status: "idle" });
  const subscription = useRef<{ unsubscribe(): void } | null>(null);
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  const stop = useCallback(() => {
    subscription.current?.unsubscribe();
    subscription.current = null;
    setState({ status: "idle" });
  }, []);

  const start = useCallback(() => {
    subscription.current?.unsubscribe();
    setState({ status: "drafting" });
    const sub = client.ai.draftReply.subscribe(
      { caseId },
      {
        onData(event) {
          if (event.type === "text") onTextRef.current(event.text);
          else {
            onTextRef.current(event.reply);
            setState({ status: "done" });
            sub.unsubscribe();
          }
        },
        onError(error) {
          setState({ status: "error", message: error.message || "The draft could not be written" });
          sub.unsubscribe();
        },
        onComplete() {
          setState((s) => (s.status === "drafting" ? { status: "idle" } : s));
        },
      },
    );
    subscription.current = sub;
  }, [client, caseId]);

  return { state, start, stop };
}
