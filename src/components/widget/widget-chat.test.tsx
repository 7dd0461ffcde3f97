import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@/lib/validations/chat-widget";
import { errorBody, FakeXhr, widgetAttachment } from "./upload-test-kit";
import { visitorTokenKey } from "./visitor-token";
import { WidgetChat } from "./widget-chat";

const WIDGET = "w_abcdefghijklmnop1234";
const BASE = `/api/widget/v1/${WIDGET}`;
const CONFIG = { name: "Acme Support", color: "#4f46e5", logoUrl: null, maxFileBytes: 2 * 1024 * 1024, greeting: "Ask us anything", open: true, nextOpenAt: null, timeZone: "Europe/Paris" };
const message = (id: string, from: "visitor" | "agent", body: string, minute: number): WidgetMessage => ({
  id,
  from,
  authorName: from === "agent" ? "Anna" : null,
  body,
  at: `2026-12-01T10:0${minute}:00.000Z`,
  attachments: [],
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
  FakeXhr.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
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

describe("WidgetChat: files", () => {
  const pdf = (name: string, bytes = 1000) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
  const invoice = widgetAttachment({ id: "7b0d6f64-4c57-4a8e-9a51-2d0c1c1c0a01", filename: "a.pdf", size: 1000 });

  async function openChat() {
    const calls = stubApi({
      "GET /config": () => ({ body: CONFIG }),
      "POST /session": () => ({ body: { visitorToken: "token-2", visitor: { name: null, email: null, verified: false } } }),
      "GET /messages": () => ({ body: { caseNumber: null, messages: [], seenByAgentUpTo: null } }),
      "POST /messages": (body) => ({ body: { ...message("v1", "visitor", (body as { body: string }).body, 1), attachments: [invoice] } }),
      "POST /typing": () => ({ body: { ok: true } }),
      "POST /read": () => ({ body: { ok: true } }),
    });
    const view = render(<WidgetChat widgetId={WIDGET} preview={false} />);
    await screen.findByText("Send us a message and we'll reply here.");
    const picker = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    return { calls, picker, user: userEvent.setup() };
  }

  it("uploads picked files with progress; a refused one shows why, a cancelled one stops; the message goes with the kept ones and no text", async () => {
    const { calls, picker, user } = await openChat();
    expect(screen.getByRole("button", { name: "Attach a file" })).toBeInTheDocument();
    await user.upload(picker, [pdf("a.pdf"), pdf("setup.exe"), pdf("c.pdf")]);

    const [a, exe, c] = FakeXhr.instances;
    expect(FakeXhr.instances).toHaveLength(3);
    expect(a!.url).toBe(`${BASE}/attachments?filename=a.pdf`);
    expect(a!.headers["x-visitor-token"]).toBe("token-2");
    const chips = screen.getByRole("list", { name: "Files to send" });
    expect(within(chips).getAllByRole("listitem")).toHaveLength(3);

    act(() => a!.progress(500, 1000));
    expect(screen.getByRole("progressbar", { name: "Uploading a.pdf" })).toHaveAttribute("aria-valuenow", "50");

    await user.click(screen.getByRole("button", { name: "Cancel upload of c.pdf" }));
    expect(c!.aborted).toBe(true);
    expect(within(chips).queryByText("c.pdf")).toBeNull();

    await act(async () => a!.respond(201, invoice));
    expect(screen.queryByRole("progressbar", { name: "Uploading a.pdf" })).toBeNull();
    // a.pdf is ready, but the message waits for setup.exe.
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();

    await act(async () => exe!.respond(422, errorBody("FILE_TYPE_REFUSED", "Files of type .exe cannot be attached")));
    expect(within(chips).getByText("Files of type .exe cannot be attached")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(calls.find((c) => c.route === "POST /messages")?.body).toEqual({ body: "", attachmentIds: [invoice.id] }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "Files to send" })).toBeNull());
    const log = screen.getByRole("log", { name: "Conversation" });
    expect(within(log).getByRole("link", { name: "Download a.pdf" })).toHaveAttribute("href", invoice.url);
  });

  it("a file over the tenant's limit is refused before a byte is sent", async () => {
    const { picker, user } = await openChat();
    await user.upload(picker, [pdf("huge.pdf", 2 * 1024 * 1024 + 1), pdf("fine.pdf")]);
    expect(FakeXhr.instances.map((x) => x.url)).toEqual([`${BASE}/attachments?filename=fine.pdf`]);
    expect(within(screen.getByRole("list", { name: "Files to send" })).getByText("Files can be at most 2 MB")).toBeInTheDocument();
  });

  it("files dropped on the chat light it up while over it, then go up like picked ones", async () => {
    await openChat();
    const log = screen.getByRole("log", { name: "Conversation" });
    fireEvent.dragEnter(log, { dataTransfer: { types: ["Files"], files: [] } });
    expect(screen.getByText("Drop files to attach")).toBeInTheDocument();
    fireEvent.dragLeave(log, { dataTransfer: { types: ["Files"], files: [] } });
    expect(screen.queryByText("Drop files to attach")).toBeNull();

    // Dragged text is not a file: no highlight.
    fireEvent.dragEnter(log, { dataTransfer: { types: ["text/plain"], files: [] } });
    expect(screen.queryByText("Drop files to attach")).toBeNull();

    fireEvent.dragEnter(log, { dataTransfer: { types: ["Files"], files: [] } });
    fireEvent.drop(log, { dataTransfer: { types: ["Files"], files: [pdf("dropped.pdf")] } });
    expect(screen.queryByText("Drop files to attach")).toBeNull();
    expect(FakeXhr.instances[0]!.url).toBe(`${BASE}/attachments?filename=dropped.pdf`);
    expect(within(screen.getByRole("list", { name: "Files to send" })).getByText("dropped.pdf")).toBeInTheDocument();
  });
});
