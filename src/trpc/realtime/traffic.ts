// When the live stream last carried anything at all. tRPC's subscription surfaces data messages
// only; pings (when the server sends them) and the connection handshake stay inside its
// EventSource. Handing httpSubscriptionLink this EventSource lets the stream's watchdog count
// them too, so a server that pings keeps a quiet stream from being reopened needlessly.
let lastTraffic = 0;

export const lastStreamTraffic = () => lastTraffic;

/** tRPC's named SSE events, plus the standard ones. */
const TRAFFIC_EVENTS = ["open", "message", "connected", "ping"] as const;

/** An EventSource that notes every arrival; undefined where there is none (server rendering). */
export function trafficTrackingEventSource(): typeof EventSource | undefined {
  if (typeof EventSource === "undefined") return undefined;
  return class TrafficTrackingEventSource extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      const touch = () => {
        lastTraffic = Date.now();
      };
      for (const type of TRAFFIC_EVENTS) this.addEventListener(type, touch);
    }
  };
}
