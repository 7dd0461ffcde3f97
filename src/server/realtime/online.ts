// Who is online in a tenant: members with an open realtime stream. Like case presence it is
// ephemeral: each stream announces itself over the bus when it opens and every heartbeat while it
// lasts, and says "offline" when it closes; every instance holds what it heard, so any of them can
// answer (the member list, round-robin assignment) whichever instance holds the stream. A stream
// whose instance died stops renewing and expires on its own. An instance that just started knows
// everyone within one heartbeat.
import { randomUUID } from "node:crypto";
import type { BusMessage, EventBus } from "./bus";
import { getBus } from "./bus";

export const ONLINE_HEARTBEAT_MS = 20_000;
/** A little over two heartbeats, so one lost announcement does not take someone offline. */
export const ONLINE_TTL_MS = 50_000;

type OnlineMessage = Extract<BusMessage, { type: "online" }>;

export interface OnlineMember {
  userId: string;
  name: string;
  /** When their oldest open stream opened. */
  since: Date;
}

interface Held {
  userId: string;
  name: string;
  since: number;
  expiresAt: number;
}

/** Open streams per tenant, by connection: a member is online while any of theirs is. */
export class OnlineBoard {
  private readonly tenants = new Map<string, Map<string, Held>>();

  apply(m: OnlineMessage, now = Date.now()): void {
    let connections = this.tenants.get(m.tenantId);
    if (m.state === "offline" || m.expiresAt <= now) {
      connections?.delete(m.connectionId);
      if (connections?.size === 0) this.tenants.delete(m.tenantId);
      return;
    }
    if (!connections) {
      connections = new Map();
      this.tenants.set(m.tenantId, connections);
    }
    connections.set(m.connectionId, { userId: m.userId, name: m.name, since: m.since, expiresAt: m.expiresAt });
  }

  /** The tenant's online members, by name; the newest announcement's name wins (a rename). */
  list(tenantId: string, now = Date.now()): OnlineMember[] {
    const byUser = new Map<string, Held>();
    for (const held of this.tenants.get(tenantId)?.values() ?? []) {
      if (held.expiresAt <= now) continue;
      const seen = byUser.get(held.userId);
      if (!seen) byUser.set(held.userId, { ...held });
      else {
        seen.since = Math.min(seen.since, held.since);
        if (held.expiresAt > seen.expiresAt) {
          seen.name = held.name;
          seen.expiresAt = held.expiresAt;
        }
      }
    }
    return [...byUser.values()]
      .map(({ userId, name, since }) => ({ userId, name, since: new Date(since) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }

  /** Forgets connections that were not renewed (their instance went away without a word). */
  sweep(now = Date.now()): void {
    for (const [tenantId, connections] of this.tenants) {
      for (const [id, held] of connections) if (held.expiresAt <= now) connections.delete(id);
      if (connections.size === 0) this.tenants.delete(tenantId);
    }
  }
}

export interface OnlineTiming {
  heartbeatMs: number;
  ttlMs: number;
}

/** One instance's view of who is online, and the announcements of its own streams. */
export class OnlineTracker {
  readonly board = new OnlineBoard();
  private bus: EventBus | null = null;
  private unsubscribe: (() => void) | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly busOf: () => EventBus,
    private readonly timing: OnlineTiming = { heartbeatMs: ONLINE_HEARTBEAT_MS, ttlMs: ONLINE_TTL_MS },
  ) {}

  /** Listens to the bus; again after it was closed and replaced (scripts, tests). */
  listen(): void {
    const bus = this.busOf();
    if (this.bus === bus) return;
    this.unsubscribe?.();
    this.bus = bus;
    this.unsubscribe = bus.subscribe((message) => {
      if (message.type === "online") this.board.apply(message);
    });
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.board.sweep(), this.timing.heartbeatMs);
      this.sweeper.unref();
    }
  }

  /** Announces a stream now and every heartbeat; the function returned says it closed. */
  connect(who: { tenantId: string; userId: string; name: string }): () => void {
    this.listen();
    const connectionId = randomUUID();
    const since = Date.now();
    const announce = (state: "online" | "offline") =>
      void this.busOf().publish({
        type: "online",
        ...who,
        connectionId,
        state,
        since,
        expiresAt: state === "online" ? Date.now() + this.timing.ttlMs : Date.now(),
      });
    announce("online");
    const heartbeat = setInterval(() => announce("online"), this.timing.heartbeatMs);
    heartbeat.unref();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      announce("offline");
    };
  }

  list(tenantId: string): OnlineMember[] {
    this.listen();
    return this.board.list(tenantId);
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bus = null;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}

const globalForOnline = globalThis as unknown as { caseboardOnline?: OnlineTracker };

function tracker(): OnlineTracker {
  globalForOnline.caseboardOnline ??= new OnlineTracker(getBus);
  return globalForOnline.caseboardOnline;
}

/** At boot, so this instance hears streams held elsewhere before anyone asks it. */
export function startOnlineTracking(): void {
  tracker().listen();
}

/** Called by a member's realtime stream when it opens; call what it returns when it closes. */
export function trackOnline(who: { tenantId: string; userId: string; name: string }): () => void {
  return tracker().connect(who);
}

/** Who is online in the tenant, as this instance has heard it (not checked against memberships). */
export function listOnline(tenantId: string): OnlineMember[] {
  return tracker().list(tenantId);
}

/** The ids of the tenant's online members. */
export function onlineUserIds(tenantId: string): Set<string> {
  return new Set(listOnline(tenantId).map((m) => m.userId));
}
