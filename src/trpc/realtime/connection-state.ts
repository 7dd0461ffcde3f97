// How the browser's live stream is doing, for the indicator in the app shell and for the few
// queries that fall back to slow polling when it cannot be trusted. A follower tab mirrors the
// state its leader tab reports (see relay.ts).
import { create } from "zustand";

/**
 * - connecting: opening for the first time (nothing missed yet: the page was just rendered)
 * - live: open and caught up
 * - reconnecting: was live, lost, trying again (resumes where it stopped, so nothing is lost)
 * - offline: not coming back soon (access gone, or failing for a while): data may be stale
 */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

/** Polling only stands in for the stream when the stream is down for good or for long. */
export const FALLBACK_POLL_MS = 60_000;

export const fallbackPollInterval = (state: ConnectionState): number | false => (state === "offline" ? FALLBACK_POLL_MS : false);

interface ConnectionStore {
  state: ConnectionState;
  set: (state: ConnectionState) => void;
}

export const useRealtimeConnection = create<ConnectionStore>((set) => ({
  state: "connecting",
  set: (state) => set({ state }),
}));

/** `refetchInterval` for a query the stream keeps fresh: none while it does, a slow poll while it cannot. */
export function useFallbackPoll(): number | false {
  return fallbackPollInterval(useRealtimeConnection((s) => s.state));
}
