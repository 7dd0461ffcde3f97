// public/widget.js, the script tenants paste on their sites, run in a browser window of its own
// (happy-dom) on a shop's page, with the config API answered by the test.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

const SOURCE = readFileSync(new URL("../../../public/widget.js", import.meta.url), "utf8");
const HOST = "https://caseboard.example";
const WIDGET = "w_abcdefghijklmnop1234";
const CONFIG = { name: "Acme", color: "#4f46e5", greeting: "Hi!", open: true, nextOpenAt: null, timeZone: "Europe/Paris" };
const identity = { userId: "cust-1", email: "ada@shop.example", name: "Ada", issuedAt: 1_790_000_000, signature: "a".repeat(64) };

type Fake = { postMessage: ReturnType<typeof vi.fn> };
let page: Window | null = null;

/** The shop's page with the snippet on it; `before` runs first (the queue snippet, early calls). */
async function loadWidget({ status = 200, body = CONFIG as unknown, before = "", unreachable = false } = {}) {
  const window = new Window({ url: "https://shop.example/", settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
  page = window;
  const { document } = window;
  const script = document.createElement("script");
  script.setAttribute("src", `${HOST}/widget.js`);
  script.setAttribute("data-tenant", WIDGET);
  document.head.appendChild(script);
  Object.defineProperty(document, "currentScript", { configurable: true, value: script });

  const fetch = vi.fn(async () => {
    if (unreachable) throw new TypeError("Failed to fetch");
    return new window.Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  const warn = vi.fn();
  Object.assign(window, { fetch });
  window.console.warn = warn;
  // Iframes do not load here; each gets a stand-in window to receive postMessage.
  const frames = new WeakMap<object, Fake>();
  Object.defineProperty(window.HTMLIFrameElement.prototype, "contentWindow", {
    configurable: true,
    get(this: object) {
      if (!frames.has(this)) frames.set(this, { postMessage: vi.fn() });
      return frames.get(this);
    },
  });

  if (before) window.eval(before);
  const globalsBefore = new Set(Object.getOwnPropertyNames(window));
  window.eval(SOURCE);
  await new Promise((resolve) => setTimeout(resolve, 10));

  // The launcher's parts, inside its shadow root (open, so tests and the site's own tools can reach it).
  const part = <T extends Element>(selector: string) =>
    (document.querySelector("caseboard-widget")?.shadowRoot?.querySelector(selector) ?? undefined) as unknown as T | undefined;
  const root = () => document.querySelector("caseboard-widget")?.shadowRoot ?? undefined;
  const launcher = () => part<HTMLButtonElement>("button");
  const iframe = () => part<HTMLIFrameElement>("iframe");
  const shell = () => part<HTMLDivElement>("div");
  const badge = () => part<HTMLSpanElement>("span");
  const chat = () => iframe()?.contentWindow as unknown as Fake;
  const fromChat = (data: unknown, { origin = HOST, source = chat() as unknown }: { origin?: string; source?: unknown } = {}) =>
    window.dispatchEvent(new window.MessageEvent("message", { data, origin, source: source as never }));
  const added = Object.getOwnPropertyNames(window).filter((name) => !globalsBefore.has(name));
  const Caseboard = (...args: unknown[]) => (window as unknown as { Caseboard: (...a: unknown[]) => void }).Caseboard(...args);
  return { window, fetch, warn, root, launcher, iframe, shell, badge, chat, fromChat, added, Caseboard };
}

afterEach(async () => {
  await page?.happyDOM.close();
  page = null;
});

const QUEUE = "window.Caseboard = window.Caseboard || function () { (Caseboard.q = Caseboard.q || []).push(arguments); };";

describe("public/widget.js", () => {
  it("stays small: under 10 kB gzipped", () => {
    expect(gzipSync(SOURCE).length).toBeLessThan(10 * 1024);
  });

  it("defines window.Caseboard and nothing else on the host page", async () => {
    const { added, fetch, window } = await loadWidget();
    expect(added).toEqual(["Caseboard"]);
    expect(fetch).toHaveBeenCalledWith(`${HOST}/api/widget/v1/${WIDGET}/config`, { credentials: "omit" });
    expect(window.document.body.querySelectorAll("*")).toHaveLength(1); // <caseboard-widget>
  });

  it("shows an accessible launcher in the tenant's colour", async () => {
    const { launcher, shell } = await loadWidget();
    expect(launcher()?.getAttribute("aria-label")).toBe("Chat with Acme");
    expect(launcher()?.getAttribute("aria-expanded")).toBe("false");
    expect(shell()?.style.getPropertyValue("--bg")).toBe("#4f46e5");
    expect(shell()?.style.getPropertyValue("--fg")).toBe("#ffffff");
  });

  it("refused (this site is not allowed): warns with the server's message and shows nothing", async () => {
    const body = { code: "FORBIDDEN", message: "This website is not allowed to show the chat", details: { reason: "WIDGET_ORIGIN_NOT_ALLOWED" }, requestId: "r" };
    const { warn, root, window } = await loadWidget({ status: 403, body });
    expect(warn).toHaveBeenCalledWith("Caseboard chat: This website is not allowed to show the chat");
    expect(root()).toBeUndefined();
    expect(window.document.body.children).toHaveLength(0);
  });

  it("unreachable (or refused without CORS headers, which hides the answer): warns and shows nothing", async () => {
    const { warn, root } = await loadWidget({ unreachable: true });
    expect(warn).toHaveBeenCalledWith(`Caseboard chat: could not load the chat from ${HOST} (is this website among the widget's allowed websites?)`);
    expect(root()).toBeUndefined();
  });

  it("replays calls queued before it loaded; the iframe opens on the chat's origin", async () => {
    const { iframe, launcher } = await loadWidget({ before: `${QUEUE} Caseboard("open");` });
    expect(iframe()?.getAttribute("src")).toBe(`${HOST}/widget/${WIDGET}`);
    expect(iframe()?.getAttribute("title")).toBe("Chat with Acme");
    expect(iframe()?.hasAttribute("allow")).toBe(false);
    expect(launcher()?.getAttribute("aria-expanded")).toBe("true");
  });

  it("gives the identity only to its own iframe, on the chat's exact origin", async () => {
    const { launcher, chat, fromChat, Caseboard } = await loadWidget({ before: QUEUE });
    Caseboard("identify", { ...identity, extra: () => "not cloneable" });
    launcher()?.click();

    fromChat({ type: "caseboard:ready" }, { origin: "https://evil.example" });
    fromChat({ type: "caseboard:ready" }, { source: { postMessage: vi.fn() } });
    expect(chat().postMessage).not.toHaveBeenCalled();

    fromChat({ type: "caseboard:ready" });
    expect(chat().postMessage).toHaveBeenCalledWith({ type: "caseboard:identify", identity }, HOST);
    expect(chat().postMessage).toHaveBeenCalledWith({ type: "caseboard:visibility", visible: true }, HOST);
    for (const [, target] of chat().postMessage.mock.calls) expect(target).toBe(HOST);

    // A later identify goes straight to the ready iframe.
    Caseboard("identify", { ...identity, userId: "cust-2" });
    expect(chat().postMessage).toHaveBeenLastCalledWith({ type: "caseboard:identify", identity: { ...identity, userId: "cust-2" } }, HOST);
  });

  it("shows the unread count the iframe reports, and closes when it asks", async () => {
    const { launcher, iframe, chat, fromChat, badge } = await loadWidget();
    launcher()?.click();
    fromChat({ type: "caseboard:ready" });
    launcher()?.click(); // close
    expect(iframe()?.hidden).toBe(true);
    expect(chat().postMessage).toHaveBeenLastCalledWith({ type: "caseboard:visibility", visible: false }, HOST);

    fromChat({ type: "caseboard:unread", count: 3 }, { origin: "https://evil.example" });
    expect(badge()?.hidden).toBe(true);
    fromChat({ type: "caseboard:unread", count: 3 });
    expect(badge()?.textContent).toBe("3");
    expect(badge()?.hidden).toBe(false);
    expect(launcher()?.getAttribute("aria-label")).toBe("Chat with Acme, 3 unread");

    launcher()?.click();
    expect(iframe()?.hidden).toBe(false);
    fromChat({ type: "caseboard:close" });
    expect(iframe()?.hidden).toBe(true);
    expect(launcher()?.getAttribute("aria-expanded")).toBe("false");
  });

  it("shutdown removes everything and ignores later calls", async () => {
    const { window, Caseboard, fetch } = await loadWidget();
    Caseboard("shutdown");
    expect(window.document.body.children).toHaveLength(0);
    Caseboard("open");
    expect(window.document.body.children).toHaveLength(0);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it("a tag without a widget id warns and does nothing", async () => {
    const window = new Window({ url: "https://shop.example/" });
    page = window;
    const script = window.document.createElement("script");
    script.setAttribute("src", `${HOST}/widget.js`);
    script.setAttribute("data-tenant", "acme");
    Object.defineProperty(window.document, "currentScript", { configurable: true, value: script });
    const warn = vi.fn();
    window.console.warn = warn;
    window.eval(SOURCE);
    expect(warn).toHaveBeenCalledWith('Caseboard chat: data-tenant="acme" is not a widget id');
    expect("Caseboard" in window).toBe(false);
  });
});
