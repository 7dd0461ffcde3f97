import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_REFRESH_MS, SessionKeepAlive } from "./session-keep-alive";

describe("SessionKeepAlive", () => {
  const fetchMock = vi.fn<(url: RequestInfo | URL) => Promise<Response>>(async () => new Response("{}"));
  let visibility: DocumentVisibilityState = "visible";

  beforeEach(() => {
    vi.useFakeTimers();
    fetchMock.mockClear();
    vi.stubGlobal("fetch", fetchMock);
    vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const sessionReads = () => fetchMock.mock.calls.filter(([url]) => url === "/api/auth/session").length;

  it("reads the session route every five minutes while mounted, and stops when unmounted", () => {
    const view = render(<SessionKeepAlive />);
    expect(sessionReads()).toBe(0);
    vi.advanceTimersByTime(SESSION_REFRESH_MS - 1);
    expect(sessionReads()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(sessionReads()).toBe(1);
    vi.advanceTimersByTime(2 * SESSION_REFRESH_MS);
    expect(sessionReads()).toBe(3);
    view.unmount();
    vi.advanceTimersByTime(3 * SESSION_REFRESH_MS);
    expect(sessionReads()).toBe(3);
  });

  it("reads it when the tab comes back into view, not when it is hidden", () => {
    render(<SessionKeepAlive />);
    visibility = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(sessionReads()).toBe(0);
    visibility = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(sessionReads()).toBe(1);
  });

  it("shrugs off a failed read (offline) and tries again at the next tick", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    render(<SessionKeepAlive />);
    vi.advanceTimersByTime(SESSION_REFRESH_MS);
    await vi.runOnlyPendingTimersAsync();
    expect(sessionReads()).toBe(2);
  });
});
