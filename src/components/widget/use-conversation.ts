"use client";
// One visitor's conversation, live: history, the event stream, sending, typing both ways, and read
// receipts. Agent messages count as read only while the chat is on screen; while it is not, the
// launcher is told how many wait. Mounted per visitor token (a new visitor starts empty).
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { conversationReducer, emptyConversation, lastAgentMessage, unreadCount, type ConversationState } from "./conversation-state";
import type { MessageToParent } from "./parent-frame";
import { createTypingSignal, type TypingSignal } from "./typing";
import { useWidgetEvents } from "./use-widget-events";
import { networkError, WidgetApiError, type VisitorApi } from "./widget-api";

export interface Conversation extends ConversationState {
  loadError: WidgetApiError | null;
  reload: () => void;
  send: (input: { body: string; email?: string; attachmentIds?: string[] }) => Promise<WidgetMessage>;
  typing: TypingSignal;
}

const ignore = () => {};

export function useConversation(api: VisitorApi, { visible, post }: { visible: boolean; post: (message: MessageToParent) => void }): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, emptyConversation);
  const [loadError, setLoadError] = useState<WidgetApiError | null>(null);

  const reload = useCallback(() => {
    api.conversation().then(
      (conversation) => {
        setLoadError(null);
        dispatch({ type: "loaded", conversation });
      },
      (error: unknown) => setLoadError(error instanceof WidgetApiError ? error : networkError()),
    );
  }, [api]);
  useEffect(reload, [reload]);

  useWidgetEvents(api.eventsUrl, { onEvent: dispatch, onResync: reload, onLost: () => dispatch({ type: "streamLost" }) });

  const send = useCallback(
    async (input: { body: string; email?: string; attachmentIds?: string[] }) => {
      const message = await api.send(input);
      dispatch({ type: "sent", message });
      return message;
    },
    [api],
  );

  // Failures of these signals are not worth a word to the visitor: the next one corrects them.
  const typing = useMemo(() => createTypingSignal((value) => void api.typing(value).catch(ignore)), [api]);
  useEffect(() => () => typing.stop(), [typing]);

  const readUpTo = useRef<string | null>(null);
  const unreadPosted = useRef<number | null>(null);
  useEffect(() => {
    const last = lastAgentMessage(state.messages);
    if (visible && last && last.id !== readUpTo.current) {
      readUpTo.current = last.id;
      api.read(last.id).catch(ignore);
    }
    const count = visible ? 0 : unreadCount(state.messages, readUpTo.current);
    if (count !== unreadPosted.current) {
      unreadPosted.current = count;
      post({ type: "caseboard:unread", count });
    }
  }, [api, visible, state.messages, post]);

  return { ...state, loadError, reload, send, typing };
}
