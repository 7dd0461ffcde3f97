import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QueryClientProvider } from "@tanstack/react-query";
import { TRPCProvider } from "@/trpc/react";
import { createTestTrpc, type TestTrpc } from "@/test/render";
import { usePresenceStore } from "./presence-store";
import { RealtimeContext, useAnnouncePresence, useIsReplying, useMarkReplying, usePresence, useRealtimeEvents, type RealtimeContextValue, type RealtimeListener } from "./use-realtime";

let testTrpc: TestTrpc;
let listeners: Set<RealtimeListener>;

function wrapper({ children }: { children: React.ReactNode }) {
  const context: RealtimeContextValue = {
    slug: "acme",
    userId: "me",
    retry: () => {},
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return (
    <QueryClientProvider client={testTrpc.queryClient}>
      <TRPCProvider trpcClient={testTrpc.client} queryClient={testTrpc.queryClient}>
        <RealtimeContext.Provider value={context}>{children}</RealtimeContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const presenceCalls = () => testTrpc.calls.filter((c) => c.path === "realtime.presence").map((c) => c.input);

beforeEach(() => {
  testTrpc = createTestTrpc({ "realtime.presence": () => ({ ok: true }) });
  listeners = new Set();
  usePresenceStore.getState().clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("useRealtimeEvents", () => {
  it("hands every message of the stream to the handler until unmounted", () => {
    const seen: string[] = [];
    const { unmount } = renderHook(() => useRealtimeEvents((m) => seen.push(m.type)), { wrapper });
    act(() => listeners.forEach((l) => l({ type: "ready", seq: 1, missed: false })));
    expect(seen).toEqual(["ready"]);
    unmount();
    expect(listeners.size).toBe(0);
  });
});

describe("usePresence", () => {
  it("lists the others on a case, never the signed-in user", () => {
    const { result } = renderHook(() => usePresence("case-1"), { wrapper });
    expect(result.current).toEqual([]);
    act(() =>
      usePresenceStore.getState().apply({
        type: "presence",
        caseId: "case-1",
        members: [
          { userId: "me", name: "Me", state: "viewing" },
          { userId: "u2", name: "Bob", state: "replying" },
        ],
      }),
    );
    expect(result.current.map((e) => e.name)).toEqual(["Bob"]);
  });
});

describe("useAnnouncePresence", () => {
  it("announces viewing at once and on every heartbeat, the new state when it changes, and leaving after unmount", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { rerender, unmount } = renderHook(({ state }: { state: "viewing" | "replying" }) => useAnnouncePresence("case-1", state), {
      wrapper,
      initialProps: { state: "viewing" },
    });
    await waitFor(() => expect(presenceCalls()).toEqual([{ caseId: "case-1", state: "viewing" }]));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(presenceCalls().length).toBeGreaterThan(1);
    rerender({ state: "replying" });
    await waitFor(() => expect(presenceCalls().at(-1)).toEqual({ caseId: "case-1", state: "replying" }));
    unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(presenceCalls().at(-1)).toEqual({ caseId: "case-1", state: "left" });
  });

  it("does not say 'left' when the same case is shown again at once", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const first = renderHook(() => useAnnouncePresence("case-2", "viewing"), { wrapper });
    first.unmount();
    renderHook(() => useAnnouncePresence("case-2", "viewing"), { wrapper });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(presenceCalls().filter((c) => (c as { state: string }).state === "left")).toHaveLength(0);
  });

  it("sends 'left' with a request that outlives the page when it goes away", () => {
    const fetch = vi.fn(async () => new Response(null));
    vi.stubGlobal("fetch", fetch);
    try {
      renderHook(() => useAnnouncePresence("case-3", "viewing"), { wrapper });
      act(() => {
        window.dispatchEvent(new Event("pagehide"));
      });
      expect(fetch).toHaveBeenCalledWith("/api/trpc/realtime.presence", expect.objectContaining({ method: "POST", keepalive: true, headers: expect.objectContaining({ "x-caseboard-tenant": "acme" }) }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("useMarkReplying and useIsReplying", () => {
  it("says the user is replying while they type, and stops when told", () => {
    const { result } = renderHook(() => ({ mark: useMarkReplying("case-4"), replying: useIsReplying("case-4") }), { wrapper });
    expect(result.current.replying).toBe(false);
    act(() => result.current.mark(true));
    expect(result.current.replying).toBe(true);
    act(() => result.current.mark(false));
    expect(result.current.replying).toBe(false);
  });
});
