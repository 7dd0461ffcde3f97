"use client";
// The embed script as the chat page's hooks see it: who the host site says the visitor is, whether
// the chat is on screen, and a way to tell the launcher about unread messages or ask it to close.
// Opened on its own (not in an iframe) or as a preview, there is no parent to wait for.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { WidgetIdentity } from "@/lib/validations/chat-widget";
import { connectToParent, isEmbedded, type MessageToParent, type ParentLink } from "./parent-frame";

/** How long the page waits for the script's answer before starting anonymously. */
export const IDENTITY_WAIT_MS = 500;

const noSubscription = () => () => {};
const subscribeToVisibility = (onChange: () => void) => {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
};

export interface ParentFrame {
  /** In an iframe of a host page (not a preview). */
  embedded: boolean;
  /** Answered, waited for long enough, or nothing to wait for: the session may start. */
  identitySettled: boolean;
  identity: WidgetIdentity | null;
  /** On screen: not closed by the launcher, and the tab is visible. */
  visible: boolean;
  post(message: MessageToParent): void;
}

const sameIdentity = (a: WidgetIdentity | null, b: WidgetIdentity | null) => JSON.stringify(a) === JSON.stringify(b);

export function useParentFrame(enabled: boolean): ParentFrame {
  const inFrame = useSyncExternalStore(noSubscription, () => isEmbedded(window), () => false);
  const pageVisible = useSyncExternalStore(subscribeToVisibility, () => document.visibilityState === "visible", () => true);
  const embedded = enabled && inFrame;
  const [identity, setIdentity] = useState<WidgetIdentity | null>(null);
  const [answered, setAnswered] = useState(false);
  const [shown, setShown] = useState(true);
  const link = useRef<ParentLink | null>(null);

  useEffect(() => {
    if (!embedded) return;
    // The script answers "ready" at once; a page without it (or a slow one) must not hold the chat up.
    const timer = setTimeout(() => setAnswered(true), IDENTITY_WAIT_MS);
    link.current = connectToParent((message) => {
      if (message.type === "caseboard:visibility") return setShown(message.visible);
      clearTimeout(timer);
      setAnswered(true);
      // A later identify (the visitor signed in on the host page) replaces it; the same one again changes nothing.
      setIdentity((current) => (sameIdentity(current, message.identity) ? current : message.identity));
    });
    return () => {
      clearTimeout(timer);
      link.current?.stop();
      link.current = null;
    };
  }, [embedded]);

  const post = useCallback((message: MessageToParent) => link.current?.post(message), []);
  return { embedded, identitySettled: !embedded || answered, identity, visible: shown && pageVisible, post };
}
