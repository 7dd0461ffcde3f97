import { afterEach, describe, expect, it, vi } from "vitest";
import { connectToParent, parseParentMessage, type FrameWindow } from "./parent-frame";

const CHAT_ORIGIN = "https://caseboard.example";
const SHOP_ORIGIN = "https://shop.example";
const identity = { userId: "cust-1", email: "ada@shop.example", name: "Ada", issuedAt: 1_790_000_000, signature: "a".repeat(64) };

/** The chat page's window inside an iframe of the shop. */
function framedWindow() {
  const parent = { postMessage: vi.fn() };
  const listeners: ((event: MessageEvent) => void)[] = [];
  const self = {
    parent,
    location: { origin: CHAT_ORIGIN },
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.splice(listeners.indexOf(listener), 1),
  };
  const deliver = (event: Partial<MessageEvent>) => listeners.forEach((listener) => listener(event as MessageEvent));
  return { self, parent, listeners, deliver };
}

describe("parseParentMessage: only the parent's two messages", () => {
  const { self, parent } = framedWindow();
  const from = (data: unknown, overrides: Partial<MessageEvent> = {}) =>
    parseParentMessage({ data, origin: SHOP_ORIGIN, source: parent as unknown as Window, ...overrides }, self);

  it("accepts identify (any site may embed the chat: the server checks the signature) and visibility", () => {
    expect(from({ type: "caseboard:identify", identity })).toEqual({ type: "caseboard:identify", identity });
    expect(from({ type: "caseboard:identify", identity: null })).toEqual({ type: "caseboard:identify", identity: null });
    expect(from({ type: "caseboard:visibility", visible: false })).toEqual({ type: "caseboard:visibility", visible: false });
  });

  it("ignores other windows, its own origin and other messages", () => {
    const otherFrame = { postMessage: vi.fn() } as unknown as Window;
    expect(from({ type: "caseboard:identify", identity }, { source: otherFrame })).toBeNull();
    expect(from({ type: "caseboard:identify", identity }, { origin: CHAT_ORIGIN })).toBeNull();
    expect(from({ type: "caseboard:unread", count: 3 })).toBeNull();
    expect(from({ type: "caseboard:visibility", visible: "yes" })).toBeNull();
    expect(from("caseboard:identify")).toBeNull();
    expect(from(null)).toBeNull();
  });

  it("opened on its own (no parent), nothing is accepted, even from itself", () => {
    const top: FrameWindow = { parent: null, location: { origin: CHAT_ORIGIN } };
    top.parent = top;
    expect(parseParentMessage({ data: { type: "caseboard:visibility", visible: true }, origin: SHOP_ORIGIN, source: top as unknown as Window }, top)).toBeNull();
  });

  it("an identity that is not valid becomes anonymous, with a warning for the site's developers", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(from({ type: "caseboard:identify", identity: { userId: "x", signature: "nope" } })).toEqual({ type: "caseboard:identify", identity: null });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe("connectToParent", () => {
  afterEach(() => vi.restoreAllMocks());

  it("says ready to any parent, then speaks only to the origin its parent answered from", () => {
    const { self, parent, listeners, deliver } = framedWindow();
    const received = vi.fn();
    const link = connectToParent(received, self as unknown as Window);
    expect(parent.postMessage).toHaveBeenCalledWith({ type: "caseboard:ready" }, "*");

    // Nothing but "ready" goes out before the parent has spoken.
    link.post({ type: "caseboard:unread", count: 2 });
    expect(parent.postMessage).toHaveBeenCalledTimes(1);

    deliver({ data: { type: "caseboard:identify", identity: null }, origin: SHOP_ORIGIN, source: parent as unknown as Window });
    expect(received).toHaveBeenCalledWith({ type: "caseboard:identify", identity: null });
    link.post({ type: "caseboard:unread", count: 2 });
    expect(parent.postMessage).toHaveBeenLastCalledWith({ type: "caseboard:unread", count: 2 }, SHOP_ORIGIN);

    link.stop();
    expect(listeners).toHaveLength(0);
  });
});
