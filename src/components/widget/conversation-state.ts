// The visitor's conversation as the chat page holds it: history, live messages, who is typing and
// how far an agent has read. Messages reach the page twice (the answer to a send and the event
// stream's echo; history reloaded after a reconnect), so everything merges by id.
import type { WidgetConversation, WidgetMessage, WidgetStreamEvent } from "@/lib/validations/chat-widget";

const time = (message: WidgetMessage) => {
  const at = Date.parse(message.at);
  return Number.isNaN(at) ? 0 : at;
};

/** One list by time, each id once (the later copy wins); equal times keep their arrival order. */
export function mergeMessages(current: readonly WidgetMessage[], incoming: readonly WidgetMessage[]): WidgetMessage[] {
  if (incoming.length === 0) return current as WidgetMessage[];
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  // Array.prototype.sort is stable, and a Map iterates in insertion order.
  return [...byId.values()].sort((a, b) => time(a) - time(b));
}

const indexOf = (messages: readonly WidgetMessage[], id: string | null) => (id ? messages.findIndex((m) => m.id === id) : -1);

/** The seen marker only moves forward: a late or repeated event must not take a "Seen" back. */
export function laterSeen(messages: readonly WidgetMessage[], current: string | null, next: string | null): string | null {
  if (!next) return current;
  if (!current) return next;
  return indexOf(messages, next) >= indexOf(messages, current) ? next : current;
}

/** The visitor's newest message, when an agent has seen it (or anything after it): where "Seen" goes. */
export function seenMessageId(messages: readonly WidgetMessage[], seenUpTo: string | null): string | null {
  const seen = indexOf(messages, seenUpTo);
  if (seen < 0) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.from === "visitor") return i <= seen ? messages[i]!.id : null;
  }
  return null;
}

export function lastAgentMessage(messages: readonly WidgetMessage[]): WidgetMessage | undefined {
  return messages.findLast((m) => m.from === "agent");
}

/** Agent messages after the one the visitor last read (all of them when none was read). */
export function unreadCount(messages: readonly WidgetMessage[], readUpTo: string | null): number {
  const from = indexOf(messages, readUpTo) + 1;
  return messages.slice(from).filter((m) => m.from === "agent").length;
}

export interface ConversationState {
  /** False until history has loaded (the message log mounts then, so its live region announces only what arrives after). */
  loaded: boolean;
  caseNumber: number | null;
  messages: WidgetMessage[];
  seenByAgentUpTo: string | null;
  /** First names of agents writing a reply now. */
  agentsTyping: string[];
}

export const emptyConversation: ConversationState = { loaded: false, caseNumber: null, messages: [], seenByAgentUpTo: null, agentsTyping: [] };

export type ConversationAction =
  | { type: "reset" }
  | { type: "loaded"; conversation: WidgetConversation }
  | { type: "sent"; message: WidgetMessage }
  | { type: "streamLost" }
  | WidgetStreamEvent;

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case "reset":
      return emptyConversation;
    case "loaded": {
      const messages = mergeMessages(state.messages, action.conversation.messages);
      return {
        ...state,
        loaded: true,
        caseNumber: action.conversation.caseNumber ?? state.caseNumber,
        messages,
        seenByAgentUpTo: laterSeen(messages, state.seenByAgentUpTo, action.conversation.seenByAgentUpTo),
      };
    }
    case "sent":
    case "message":
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case "seen":
      return { ...state, seenByAgentUpTo: laterSeen(state.messages, state.seenByAgentUpTo, action.upTo) };
    case "typing":
      return { ...state, agentsTyping: action.agents };
    case "streamLost":
      // Nobody is known to be typing while the stream is down; it says so again once back.
      return state.agentsTyping.length ? { ...state, agentsTyping: [] } : state;
    default:
      return state;
  }
}
