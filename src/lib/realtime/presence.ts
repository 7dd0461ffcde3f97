// Presence timing, shared by the browser (which announces) and the server (which expires).
// A viewer re-announces every heartbeat; an entry lives a little over two heartbeats, so one lost
// announcement does not make someone vanish. "Replying" is renewed while the composer is typed in
// and falls back to viewing soon after typing stops.
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = { viewing: 25_000, replying: 8_000 } as const;
/** How long after the last keystroke the composer stops saying "replying". */
export const REPLYING_IDLE_MS = 4_000;
