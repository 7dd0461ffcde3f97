// Presence announcements: how often, and the "left" that must survive the page going away.
import superjson from "superjson";
import { PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_MS } from "@/lib/realtime/presence";

export type AnnouncedState = "viewing" | "replying";

/**
 * How often a state is renewed. Viewing every heartbeat; replying lives only PRESENCE_TTL_MS.replying
 * on the server, so it is renewed twice within that while it lasts.
 */
export const heartbeatMs = (state: AnnouncedState): number =>
  state === "replying" ? Math.min(PRESENCE_HEARTBEAT_MS, Math.floor(PRESENCE_TTL_MS.replying / 2)) : PRESENCE_HEARTBEAT_MS;

/**
 * Sends "left" with fetch's keepalive, which outlives the page (pagehide, tab close); a normal
 * call would be cancelled with it. A non-batched tRPC mutation: POST /api/trpc/<path> with the
 * transformed input as the body and the tenant in its header.
 */
export function sendLeftOnUnload(slug: string, caseId: string): void {
  try {
    void fetch("/api/trpc/realtime.presence", {
      method: "POST",
      keepalive: true,
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-caseboard-tenant": slug },
      body: JSON.stringify(superjson.serialize({ caseId, state: "left" })),
    }).catch(() => undefined);
  } catch {
    // Nothing to do: the entry expires on the server after PRESENCE_TTL_MS.
  }
}

const pendingLeaves = new Map<string, ReturnType<typeof setTimeout>>();
/** A case page that unmounts and mounts again at once (React's strict mode, a re-key) must not flicker out. */
const LEAVE_DELAY_MS = 250;

/** Says "left" a moment from now, unless the same case is shown again before that. */
export function scheduleLeave(caseId: string, leave: () => void): void {
  cancelLeave(caseId);
  pendingLeaves.set(
    caseId,
    setTimeout(() => {
      pendingLeaves.delete(caseId);
      leave();
    }, LEAVE_DELAY_MS),
  );
}

export function cancelLeave(caseId: string): void {
  const timer = pendingLeaves.get(caseId);
  if (timer) clearTimeout(timer);
  pendingLeaves.delete(caseId);
}
