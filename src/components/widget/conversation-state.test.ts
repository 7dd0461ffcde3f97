import { describe, expect, it } from "vitest";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { conversationReducer, emptyConversation, laterSeen, mergeMessages, seenMessageId, unreadCount } from "./conversation-state";

const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const visitor = (id: string, minute: number, body = id): WidgetMessage => ({ id, from: "visitor", authorName: null, body, at: at(minute), attachments: [] });
const agent = (id: string, minute: number, body = id): WidgetMessage => ({ id, from: "agent", authorName: "Anna", body, at: at(minute), attachments: [] });
const ids = (messages: readonly WidgetMessage[]) => messages.map((m) => m.id);

describe("mergeMessages: each message once, in time order", () => {
  it("the stream's echo of a sent message does not show it twice", () => {
    const sent = visitor("v1", 1);
    expect(ids(mergeMessages([agent("a0", 0), sent], [sent]))).toEqual(["a0", "v1"]);
  });

  it("a later copy replaces the earlier one, in place", () => {
    const merged = mergeMessages([visitor("v1", 1, "old"), agent("a1", 2)], [visitor("v1", 1, "new")]);
    expect(merged.map((m) => m.body)).toEqual(["new", "a1"]);
  });

  it("orders by time, whatever order they arrive in; equal times keep their arrival order", () => {
    const merged = mergeMessages([agent("a3", 3)], [visitor("v1", 1), agent("a2", 2), visitor("v3", 3)]);
    expect(ids(merged)).toEqual(["v1", "a2", "a3", "v3"]);
  });

  it("reloaded history fills a gap without losing what arrived live", () => {
    const live = [visitor("v1", 1), agent("a5", 5)];
    const history = [visitor("v1", 1), agent("a3", 3), agent("a5", 5)];
    expect(ids(mergeMessages(live, history))).toEqual(["v1", "a3", "a5"]);
  });

  it("nothing new: the same list", () => {
    const list = [visitor("v1", 1)];
    expect(mergeMessages(list, [])).toBe(list);
  });
});

describe("Seen", () => {
  const messages = [visitor("v1", 1), agent("a1", 2), visitor("v2", 3), visitor("v3", 4)];

  it("marks the visitor's newest message only once the seen marker reaches it", () => {
    expect(seenMessageId(messages, "v2")).toBeNull();
    expect(seenMessageId(messages, "v3")).toBe("v3");
    expect(seenMessageId(messages, null)).toBeNull();
    expect(seenMessageId(messages, "unknown")).toBeNull();
  });

  it("a marker past the visitor's newest message still counts", () => {
    expect(seenMessageId([visitor("v1", 1), agent("a1", 2)], "a1")).toBe("v1");
  });

  it("never moves back", () => {
    expect(laterSeen(messages, "v3", "v2")).toBe("v3");
    expect(laterSeen(messages, "v2", "v3")).toBe("v3");
    expect(laterSeen(messages, null, "v1")).toBe("v1");
    expect(laterSeen(messages, "v2", null)).toBe("v2");
  });
});

describe("unreadCount", () => {
  const messages = [agent("a1", 1), visitor("v1", 2), agent("a2", 3), agent("a3", 4)];
  it("counts agent messages after the last one read", () => {
    expect(unreadCount(messages, "a1")).toBe(2);
    expect(unreadCount(messages, "a3")).toBe(0);
    expect(unreadCount(messages, null)).toBe(3);
  });
});

describe("conversationReducer", () => {
  it("history, then live events, then a reload", () => {
    let state = conversationReducer(emptyConversation, {
      type: "loaded",
      conversation: { caseNumber: null, messages: [visitor("v1", 1)], seenByAgentUpTo: null },
    });
    expect(state).toMatchObject({ loaded: true, caseNumber: null });
    state = conversationReducer(state, { type: "sent", message: visitor("v2", 2) });
    state = conversationReducer(state, { type: "message", message: visitor("v2", 2) });
    state = conversationReducer(state, { type: "message", message: agent("a1", 3) });
    state = conversationReducer(state, { type: "typing", agents: ["Anna"] });
    state = conversationReducer(state, { type: "seen", upTo: "v2" });
    expect(ids(state.messages)).toEqual(["v1", "v2", "a1"]);
    expect(state).toMatchObject({ agentsTyping: ["Anna"], seenByAgentUpTo: "v2" });

    state = conversationReducer(state, { type: "streamLost" });
    expect(state.agentsTyping).toEqual([]);
    // A reload answered with an older seen marker keeps the newer one.
    state = conversationReducer(state, {
      type: "loaded",
      conversation: { caseNumber: 42, messages: [visitor("v1", 1), visitor("v2", 2), agent("a1", 3)], seenByAgentUpTo: "v1" },
    });
    expect(state).toMatchObject({ caseNumber: 42, seenByAgentUpTo: "v2" });
    expect(ids(state.messages)).toEqual(["v1", "v2", "a1"]);
  });
});
