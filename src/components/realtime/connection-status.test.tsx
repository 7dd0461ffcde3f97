import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useRealtimeConnection } from "@/trpc/realtime/connection-state";
import { RealtimeContext, type RealtimeContextValue } from "@/trpc/realtime/use-realtime";
import { ConnectionStatus } from "./connection-status";

const setState = (state: Parameters<ReturnType<typeof useRealtimeConnection.getState>["set"]>[0]) => act(() => useRealtimeConnection.getState().set(state));

function renderStatus() {
  const retry = vi.fn();
  const context: RealtimeContextValue = { slug: "acme", userId: "u1", subscribe: () => () => {}, retry };
  render(
    <RealtimeContext.Provider value={context}>
      <ConnectionStatus />
    </RealtimeContext.Provider>,
  );
  return retry;
}

beforeEach(() => {
  vi.useFakeTimers();
  useRealtimeConnection.setState({ state: "connecting" });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ConnectionStatus", () => {
  it("stays silent while live and during a short reconnect", () => {
    renderStatus();
    setState("live");
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    setState("reconnecting");
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    setState("live");
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("says so when connecting or reconnecting lasts", () => {
    renderStatus();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(6_000));
    expect(screen.getByRole("status")).toHaveTextContent("Connecting…");
    setState("reconnecting");
    // The new state has not lasted yet: nothing until it has.
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(6_000));
    expect(screen.getByRole("status")).toHaveTextContent("Reconnecting…");
  });

  it("says at once when offline, with a way to retry", () => {
    const retry = renderStatus();
    setState("offline");
    expect(screen.getByRole("status")).toHaveTextContent("Offline — changes may be delayed");
    act(() => screen.getByRole("button", { name: "Retry" }).click());
    expect(retry).toHaveBeenCalledOnce();
  });
});
