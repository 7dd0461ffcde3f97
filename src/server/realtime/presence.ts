// Who is on a case right now. Ephemeral by design: announced over the bus (so every instance
// knows), held in memory by each instance's tenant feed, never written to the log or the
// database. A browser re-announces every PRESENCE_HEARTBEAT_MS while it shows a case and says
// "left" when it closes it; an entry that is not renewed (a tab that crashed) expires on its own.
import type { PresenceEntry, PresenceSnapshot } from "@/lib/realtime/events";
import { PRESENCE_TTL_MS } from "@/lib/realtime/presence";
import type { BusMessage } from "./bus";
import { getBus } from "./bus";

type PresenceMessage = Extract<BusMessage, { type: "presence" }>;

export type PresenceState = PresenceEntry["state"] | "left";

export interface PresenceAnnouncement {
  tenantId: string;
  caseId: string;
  userId: string;
  name: string;
  state: PresenceState;
}

const instanceId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** Tells every instance that this member is viewing (or replying on, or has left) the case. */
export function announcePresence(a: PresenceAnnouncement): Promise<boolean> {
  const ttl = a.state === "left" ? 0 : PRESENCE_TTL_MS[a.state];
  return getBus().publish({ type: "presence", ...a, instanceId, expiresAt: Date.now() + ttl });
}

interface Held extends PresenceEntry {
  expiresAt: number;
}

/** One tenant's presence, per case, as this instance has heard it. */
export class PresenceBoard {
  private readonly cases = new Map<string, Map<string, Held>>();

  /** Applies an announcement; returns the case's new snapshot when what others see changed. */
  apply(m: PresenceMessage, now = Date.now()): PresenceSnapshot | null {
    let members = this.cases.get(m.caseId);
    const before = members?.get(m.userId);
    if (m.state === "left" || m.expiresAt <= now) {
      if (!before) return null;
      members!.delete(m.userId);
      if (members!.size === 0) this.cases.delete(m.caseId);
      return this.snapshot(m.caseId);
    }
    if (!members) {
      members = new Map();
      this.cases.set(m.caseId, members);
    }
    members.set(m.userId, { userId: m.userId, name: m.name, state: m.state, expiresAt: m.expiresAt });
    return before && before.state === m.state && before.name === m.name ? null : this.snapshot(m.caseId);
  }

  /** Drops entries that were not renewed; returns the snapshots of the cases that changed. */
  sweep(now = Date.now()): PresenceSnapshot[] {
    const changed: PresenceSnapshot[] = [];
    for (const [caseId, members] of this.cases) {
      let dropped = false;
      for (const [userId, held] of members) {
        if (held.expiresAt <= now) {
          members.delete(userId);
          dropped = true;
        }
      }
      if (members.size === 0) this.cases.delete(caseId);
      if (dropped) changed.push(this.snapshot(caseId));
    }
    return changed;
  }

  snapshot(caseId: string): PresenceSnapshot {
    const members = [...(this.cases.get(caseId)?.values() ?? [])]
      .map(({ userId, name, state }) => ({ userId, name, state }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
    return { type: "presence", caseId, members };
  }

  /** Every case with someone on it, for a stream that just opened. */
  all(): PresenceSnapshot[] {
    return [...this.cases.keys()].map((caseId) => this.snapshot(caseId));
  }
}
