import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { visitorTokenKey } from "./visitor-token";
import { WidgetChat } from "./widget-chat";

const WIDGET = "w_abcdefghijklmnop1234";
const BASE = `/api/widget/v1/${WIDGET}`;
const CONFIG = { name: "Acme Support", color: "#4f46e5", greeting: "Ask us anything", open: true, nextOpenAt: null, timeZone: "Europe/Paris" };
const message = (id: string, from: "visitor" | "agent", body: string, minute: number): WidgetMessage => ({
  id,
  from,
  authorName: from === "agent" ? "Anna" : null,
  body,
  at: `2026-12-01T10:0${minute}:00.000Z`,
});

/** The widget API, answered per "METHOD path"; every call is recorded. */
function stubApi(routes: Record<string, (body: unknown) => { status?: number; body: unknown }>) {
  const calls: { route: string; body: unknown; headers: Record<string, string> }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const route = `${init.method ?? "GET"} ${url.replace(BASE, "")}`;
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ route, body, headers: (init.headers ?? {}) as Record<string, string> });
    const handler = routes[route];
    if (!handler) return Response.json({ code: "NOT_FOUND", message: `No route ${route}`, requestId: "t" }, { status: 404 });
    const answer = handler(body);
    return Response.json(answer.body, { status: answer.status ?? 200 });
  });
  return calls;
}

class FakeEventSource {
  static CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  close() {
    this.readyState = 2;
  }
  emit(data: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent<string>));
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  window.localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("WidgetChat", () => {
  it("preview: the greeting and a sample conversation, no visitor created, nothing to send", async () => {
    const calls = stubApi({ "GET /config": () => ({ body: CONFIG }) });
    render(<WidgetChat widgetId={WIDGET} preview />);
    expect(await screen.findByRole("heading", { name: "Acme Support" })).toBeInTheDocument();
    expect(screen.getByText("Ask us anything")).toBeInTheDocument();
    expect(screen.getByText("We're online")).toBeInTheDocument();
    expect(screen.getByText(/change the delivery address/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Message" })).toBeDisabled();
    expect(screen.getByText(/Preview/)).toBeInTheDocument();
    expect(calls.map((c) => c.route)).toEqual(["GET /config"]);
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it("a paused widget says the chat is unavailable", async () => {
    stubApi({
      "GET /config": () => ({ status: 403, body: { code: "FORBIDDEN", message: "Paused", details: { reason: "WIDGET_PAUSED" }, requestId: "r" } }),
    });
    render(<WidgetChat widgetId={WIDGET} preview={false} />);
    expect(await screen.findByText("Chat is unavailable right now")).toBeInTheDocument();
  });

  it("continues the stored visitor, loads history, follows the stream, sends, and marks replies read", async () => {
    window.localStorage.setItem(visitorTokenKey(WIDGET), "stored-token");
    const sent = message("v2", "visitor", "Where is my parcel?", 3);
    const calls = stubApi({
      "GET /config": () => ({ body: CONFIG }),
      "POST /session": () => ({ body: { visitorToken: "token-2", visitor: { name: null, email: null, verified: false } } }),
      "GET /messages": () => ({ body: { caseNumber: 7, messages: [message("v1", "visitor", "Hello", 1), message("a1", "agent", "Hi, how can I help?", 2)], seenByAgentUpTo: "v1" } }),
      "POST /messages": () => ({ body: sent }),
      "POST /typing": () => ({ body: { ok: true } }),
      "POST /read": () => ({ body: { ok: true } }),
    });
    render(<WidgetChat widgetId={WIDGET} preview={false} />);
    expect(await screen.findByText("Hi, how can I help?")).toBeInTheDocument();

    const session = calls.find((c) => c.route === "POST /session")!;
    expect(session.headers["x-visitor-token"]).toBe("stored-token");
    expect(window.localStorage.getItem(visitorTokenKey(WIDGET))).toBe("token-2");
    expect(calls.find((c) => c.route === "GET /messages")!.headers["x-visitor-token"]).toBe("token-2");
    expect(FakeEventSource.instances[0]!.url).toBe(`${BASE}/events?token=token-2`);
    await waitFor(() => expect(calls.filter((c) => c.route === "POST /read").map((c) => c.body)).toEqual([{ upTo: "a1" }]));
    expect(screen.getByText("Hello").parentElement).toHaveTextContent("Seen");

    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Message" }), "Where is my parcel?{Enter}");
    expect(await screen.findByText("Where is my parcel?")).toBeInTheDocument();
    expect(calls.find((c) => c.route === "POST /messages")!.body).toEqual({ body: "Where is my parcel?" });
    expect(calls.filter((c) => c.route === "POST /typing").map((c) => c.body)).toEqual([{ typing: true }, { typing: false }]);
    expect(screen.getByText("Hello").parentElement).not.toHaveTextContent("Seen");

    // The stream echoes the visitor's own message (shown once), then an agent types and replies.
    const stream = FakeEventSource.instances[0]!;
    stream.emit({ type: "message", message: sent });
    expect(screen.getAllByText("Where is my parcel?")).toHaveLength(1);
    stream.emit({ type: "seen", upTo: "v2" });
    expect(screen.getByText("Where is my parcel?").parentElement).toHaveTextContent("Seen");
    stream.emit({ type: "typing", agents: ["Anna"] });
    expect(screen.getByText("Anna is typing…")).toBeInTheDocument();
    stream.emit({ type: "message", message: message("a2", "agent", "It ships today.", 4) });
    expect(screen.getByText("It ships today.")).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.route === "POST /read").at(-1)!.body).toEqual({ upTo: "a2" }));
  });
});
