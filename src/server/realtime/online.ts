// Who is online in a tenant: members with an open realtime stream. Like case presence it is
// ephemeral: each stream announces itself over the bus when it opens and every heartbeat while it
// lasts, and says "offline" when it closes; every instance holds what it heard, so any of them can
// answer (the member list, round-robin assignment) whichever instance holds the stream. A stream
// whose instance died stops renewing and expires on its own. An instance that just started knows
// everyone within one heartbeat.
//
// Each instance also says when a tenant's online members actually changed (someone came, went or
// expired, or was renamed), so the hub can push the new list to that tenant's streams; a heartbeat
// that only renews changes nothing and says nothing.
import { randomUUID } from "node:crypto";
import type { BusMessage, EventBus } from "./bus";
import { getBus } from "./bus";

export const ONLINE_HEARTBEAT_MS = 20_000;
/** A little over two heartbeats, so one lost announcement does not take someone offline. */
export const ONLINE_TTL_MS = 50_000;
/** How often expired entries are looked for (while there are any entries): how late an expiry is pushed at worst. */
export const ONLINE_SWEEP_MS = 5_000;

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
  /** Per tenant, who was online (ids and names) when it last changed: what a change is measured against. */
  private readonly shown = new Map<string, string>();

  /** Applies an announcement; true when the tenant's online members changed (not for a mere renewal). */
  apply(m: OnlineMessage, now = Date.now()): boolean {
    let connections = this.tenants.get(m.tenantId);
    if (m.state === "offline" || m.expiresAt <= now) {
      if (!connections?.delete(m.connectionId)) return false;
      if (connections.size === 0) this.tenants.delete(m.tenantId);
      return this.changed(m.tenantId, now);
    }
    if (!connections) {
      connections = new Map();
      this.tenants.set(m.tenantId, connections);
    }
    const before = connections.get(m.connectionId);
    connections.set(m.connectionId, { userId: m.userId, name: m.name, since: m.since, expiresAt: m.expiresAt });
    // The heartbeat of a live connection: nothing anyone sees moved (the common case, kept cheap).
    if (before && before.expiresAt > now && before.userId === m.userId && before.name === m.name) return false;
    return this.changed(m.tenantId, now);
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

  /** Forgets connections that were not renewed (their instance went away without a word); returns the tenants whose online members changed. */
  sweep(now = Date.now()): string[] {
    const changed: string[] = [];
    for (const [tenantId, connections] of this.tenants) {
      let dropped = false;
      for (const [id, held] of connections) {
        if (held.expiresAt <= now) {
          connections.delete(id);
          dropped = true;
        }
      }
      if (connections.size === 0) this.tenants.delete(tenantId);
      if (dropped && this.changed(tenantId, now)) changed.push(tenantId);
    }
    return changed;
  }

  /** Whether anything is held (the sweeper runs only then). */
  get empty(): boolean {
    return this.tenants.size === 0;
  }

  /** Compares the tenant's online members (ids and names; `since` is no change) with the last shown. */
  private changed(tenantId: string, now: number): boolean {
    const members = this.list(tenantId, now);
    const key = members.map((m) => `${m.userId}\u0000${m.name}`).join("\u0001");
    if ((this.shown.get(tenantId) ?? "") === key) return false;
    if (key) this.shown.set(tenantId, key);
    else this.shown.delete(tenantId);
    return true;
  }
}

export interface OnlineTiming {
  heartbeatMs: number;
  ttlMs: number;
  sweepMs?: number;
}

export type OnlineChangeListener = (tenantId: string) => void;

/** One instance's view of who is online, and the announcements of its own streams. */
export class OnlineTracker {
  readonly board = new OnlineBoard();
  private bus: EventBus | null = null;
  private unsubscribe: (() => void) | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<OnlineChangeListener>();

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
      if (message.type !== "online") return;
      if (this.board.apply(message)) this.changed(message.tenantId);
      this.sweepWhileHeld();
    });
  }

  /** Calls `listener` with the tenant's id whenever its online members change; returns the unsubscribe. */
  onChange(listener: OnlineChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(tenantId: string): void {
    for (const listener of this.listeners) listener(tenantId);
  }

  /** Whether the expiry sweep is scheduled (it should be exactly while someone is held). */
  get sweeping(): boolean {
    return this.sweeper !== null;
  }

  /** Expiry is only noticed by sweeping, and only entries can expire: the timer runs while there are any. */
  private sweepWhileHeld(): void {
    if (this.board.empty) {
      if (this.sweeper) clearInterval(this.sweeper);
      this.sweeper = null;
      return;
    }
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      for (const tenantId of this.board.sweep()) this.changed(tenantId);
      this.sweepWhileHeld();
    }, this.timing.sweepMs ?? ONLINE_SWEEP_MS);
    // Never what keeps a process (a script, a test run) alive.
    this.sweeper.unref();
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

/** Calls `listener` with a tenant's id whenever its online members change on this instance. */
export function onOnlineChange(listener: OnlineChangeListener): () => void {
  const t = tracker();
  t.listen();
  return t.onChange(listener);
}

/** The ids of the tenant's online members. */
export function onlineUserIds(tenantId: string): Set<string> {
  return new Set(listOnline(tenantId).map((m) => m.userId));
}
