// The chat page's side of its conversation with the embed script (public/widget.js, which
// describes the whole protocol). The page cannot know in advance which website embeds it, and need
// not: an identity is only a claim until the server checks its signature, and visibility only
// decides when messages count as read. So it listens to whatever page is its parent, but only to
// that window, never to its own origin (its own scripts, devtools), and only to the two messages
// it expects. What it sends goes to the origin its parent spoke from; before that, only "ready",
// which carries nothing, goes to "*".
import type { WidgetIdentity } from "@/lib/validations/chat-widget";
import { widgetIdentitySchema } from "@/lib/validations/chat-widget";

export type MessageToParent = { type: "caseboard:ready" } | { type: "caseboard:unread"; count: number } | { type: "caseboard:close" };

export type MessageFromParent =
  | { type: "caseboard:identify"; identity: WidgetIdentity | null }
  | { type: "caseboard:visibility"; visible: boolean };

/** The parts of the page's window the checks read (a fake in tests). */
export interface FrameWindow {
  parent: unknown;
  location: { origin: string };
}

/** True inside an iframe; false when the page is opened on its own. */
export const isEmbedded = (self: FrameWindow): boolean => self.parent !== self;

/** The message, when it is one the page accepts from its parent; null for anything else. */
export function parseParentMessage(event: Pick<MessageEvent, "data" | "origin" | "source">, self: FrameWindow): MessageFromParent | null {
  if (!isEmbedded(self) || event.source !== self.parent || event.origin === self.location.origin) return null;
  const data: unknown = event.data;
  if (!data || typeof data !== "object") return null;
  const message = data as { type?: unknown; identity?: unknown; visible?: unknown };
  if (message.type === "caseboard:visibility" && typeof message.visible === "boolean") {
    return { type: "caseboard:visibility", visible: message.visible };
  }
  if (message.type === "caseboard:identify") {
    if (message.identity === null || message.identity === undefined) return { type: "caseboard:identify", identity: null };
    const parsed = widgetIdentitySchema.safeParse(message.identity);
    if (!parsed.success) {
      // The host site's mistake, for its developers to see; the visitor chats anonymously.
      console.warn("Caseboard chat: the identity passed to Caseboard('identify') is not valid", parsed.error.issues);
      return { type: "caseboard:identify", identity: null };
    }
    return { type: "caseboard:identify", identity: parsed.data };
  }
  return null;
}

export interface ParentLink {
  post(message: MessageToParent): void;
  stop(): void;
}

/** Listens to the parent (calling `onMessage` for accepted messages) and says "ready". */
export function connectToParent(onMessage: (message: MessageFromParent) => void, self: Window = window): ParentLink {
  let parentOrigin: string | null = null;
  const listener = (event: MessageEvent) => {
    const message = parseParentMessage(event, self);
    if (!message) return;
    parentOrigin = event.origin;
    onMessage(message);
  };
  self.addEventListener("message", listener);
  const post = (message: MessageToParent) => {
    if (!isEmbedded(self)) return;
    if (message.type === "caseboard:ready") self.parent.postMessage(message, "*");
    else if (parentOrigin) self.parent.postMessage(message, parentOrigin);
  };
  post({ type: "caseboard:ready" });
  return { post, stop: () => self.removeEventListener("message", listener) };
}
