"use client";
// The conversation as bubbles: the visitor's on the right in the tenant's colour, agents' on the
// left with their first name, each message's files under it (message-attachments.tsx). Bodies are
// plain text, rendered as React text (never as HTML), with their line breaks kept; a message of
// files alone has no bubble. The list is a live region, so new messages are read out as they arrive;
// it mounts with the history already in it, so the history itself is not.
import { useEffect, useRef } from "react";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { cn } from "@/lib/utils";
import { MessageAttachments } from "./message-attachments";
import { tenantSurface } from "./tenant-color";
import { typingText } from "./typing";

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const timeOf = (at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : clock.format(date);
};

/** Scrolled this close to the bottom, the log follows new messages; further up, the visitor is reading. */
const FOLLOW_PX = 80;

function MessageBubble({ message, color, seen }: { message: WidgetMessage; color: string; seen: boolean }) {
  const mine = message.from === "visitor";
  return (
    <li className={cn("flex flex-col", mine ? "items-end" : "items-start")}>
      {mine ? null : <span className="mb-0.5 px-1 text-xs font-medium text-slate-600">{message.authorName || "Support"}</span>}
      {message.body ? (
        <p
          style={mine ? tenantSurface(color) : undefined}
          className={cn(
            "max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3 py-2 text-sm",
            mine ? "rounded-br-md" : "rounded-bl-md bg-slate-100 text-slate-900",
          )}
        >
          {mine ? <span className="sr-only">You: </span> : null}
          {message.body}
        </p>
      ) : mine ? (
        <span className="sr-only">You: </span>
      ) : null}
      <MessageAttachments attachments={message.attachments} mine={mine} />
      <span className="mt-0.5 px-1 text-[11px] text-slate-500">
        <time dateTime={message.at}>{timeOf(message.at)}</time>
        {seen ? <span> · Seen</span> : null}
      </span>
    </li>
  );
}

export function MessageLog({
  messages,
  color,
  seenId,
  agentsTyping,
  empty,
}: {
  messages: readonly WidgetMessage[];
  color: string;
  /** The visitor message to mark "Seen" (their newest, once an agent has read it). */
  seenId: string | null;
  agentsTyping: readonly string[];
  /** Shown before the first message. */
  empty?: React.ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const typing = typingText(agentsTyping);

  useEffect(() => {
    const last = messages.at(-1);
    if (following.current || last?.from === "visitor") end.current?.scrollIntoView?.({ block: "end" });
  }, [messages, typing]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_PX;
  };

  return (
    // Focusable, so the conversation scrolls by keyboard too (the preview has no links inside).
    <div ref={scroller} onScroll={onScroll} tabIndex={0} className="flex-1 overflow-y-auto px-3 pt-4 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600">
      {messages.length === 0 ? empty : null}
      <div role="log" aria-live="polite" aria-label="Conversation">
        <ol className="space-y-3">
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} color={color} seen={message.id === seenId} />
          ))}
        </ol>
      </div>
      <p aria-live="polite" className="min-h-6 px-1 py-1 text-xs text-slate-500 italic">
        {typing}
      </p>
      <div ref={end} />
    </div>
  );
}
