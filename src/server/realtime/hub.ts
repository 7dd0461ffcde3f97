// One per instance: for each tenant with open streams here, a feed that reads the tenant's log
// once per wake-up and hands each new event to every stream of that tenant that may receive it.
// So a thousand streams of one tenant cost one read per change, not a thousand.
//
// A feed wakes when the bus says the log grew, when the bus reconnects (a wake-up may have been
// lost meanwhile), and every SAFETY_READ_MS regardless: the log, not the bus, is the truth, so a
// lost message delays an event by seconds at worst and never loses it. The feed also holds the
// tenant's presence as announced over the bus (see presence.ts), and who of the tenant is online:
// when this instance hears that changed (online.ts), the feed reads the list once (current members
// only) and hands the same snapshot to every stream of the tenant.
import { tenantScope } from "@/server/db/tenant-scope";
import { withTenantDb } from "@/server/db/tenant-db";
import { logger } from "@/server/logger";
import type { BusMessage, EventBus } from "./bus";
import { getBus } from "./bus";
import type { OnlineSnapshot, PresenceSnapshot } from "@/lib/realtime/events";
import { headSeq, readEvents, type StoredEvent } from "./event-log";
import { onOnlineChange } from "./online";
import { currentOnlineMembers } from "./online-members";
import { PresenceBoard } from "./presence";

export const READ_BATCH = 500;
const SAFETY_READ_MS = 5_000;

export interface FeedListener {
  /** Called in seq order with each event read after the listener joined. */
  event(event: StoredEvent): void;
  /** A case's presence changed (never in the log). */
  presence?(snapshot: PresenceSnapshot): void;
  /** Who of the tenant is online changed (never in the log). */
  online?(snapshot: OnlineSnapshot): void;
}

const sameOnline = (a: OnlineSnapshot, b: OnlineSnapshot) => JSON.stringify(a.members) === JSON.stringify(b.members);

class TenantFeed {
  /** The last seq read and handed out. */
  private head: number | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private failing = false;
  private readonly timer: NodeJS.Timeout;
  readonly listeners = new Set<FeedListener>();
  readonly presence = new PresenceBoard();
  /** Who is online as last handed out; null until first read. */
  online: OnlineSnapshot | null = null;
  private onlineReading: Promise<void> | null = null;
  private onlineAgain = false;

  constructor(readonly tenantId: string) {
    this.timer = setInterval(() => {
      this.wake();
      for (const snapshot of this.presence.sweep()) this.deliverPresence(snapshot);
    }, SAFETY_READ_MS);
    this.timer.unref();
  }

  /** Resolves once the feed knows where the log stands; events after that are handed out. */
  async start(): Promise<number> {
    if (this.head === null) {
      const head = await outsideAnyTransaction(() => withTenantDb(this.tenantId, headSeq));
      if (this.head === null) {
        this.head = head;
        // A wake-up that came while the head was being read was ignored: read once now.
        this.wake();
      }
    }
    return this.head;
  }

  wake(seq?: number): void {
    if (this.head === null || (seq !== undefined && seq <= this.head)) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readAll().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async readAll(): Promise<void> {
    try {
      for (;;) {
        const events = await outsideAnyTransaction(() => withTenantDb(this.tenantId, (db) => readEvents(db, this.head!, READ_BATCH)));
        for (const event of events) {
          this.head = event.seq;
          for (const listener of this.listeners) listener.event(event);
        }
        if (events.length < READ_BATCH) break;
      }
      if (this.failing) {
        this.failing = false;
        logger.info({ tenantId: this.tenantId }, "realtime feed reads the event log again");
      }
    } catch (error) {
      // The database is away: the safety read tries again in a few seconds. Said once per outage.
      if (!this.failing) logger.warn({ err: error, tenantId: this.tenantId }, "realtime feed could not read the event log");
      this.failing = true;
    }
  }

  applyPresence(message: Extract<BusMessage, { type: "presence" }>): void {
    const snapshot = this.presence.apply(message);
    if (snapshot) this.deliverPresence(snapshot);
  }

  private deliverPresence(snapshot: PresenceSnapshot): void {
    for (const listener of this.listeners) listener.presence?.(snapshot);
  }

  /** Who is online changed (or is wanted for the first time): read it once, hand it out if it moved. */
  refreshOnline(): Promise<void> {
    if (this.onlineReading) {
      this.onlineAgain = true;
      return this.onlineReading;
    }
    this.onlineReading = this.readOnline().finally(() => {
      this.onlineReading = null;
      if (this.onlineAgain) {
        this.onlineAgain = false;
        void this.refreshOnline();
      }
    });
    return this.onlineReading;
  }

  private async readOnline(): Promise<void> {
    try {
      const members = await outsideAnyTransaction(() => withTenantDb(this.tenantId, (db) => currentOnlineMembers(db, this.tenantId)));
      const snapshot: OnlineSnapshot = {
        type: "online",
        members: members.map((m) => ({ userId: m.userId, name: m.name, since: m.since.toISOString() })),
      };
      if (this.online && sameOnline(this.online, snapshot)) return;
      this.online = snapshot;
      for (const listener of this.listeners) listener.online?.(snapshot);
    } catch (error) {
      // Streams keep the list they have; the next change, or a stream that reopens, reads it again.
      logger.warn({ err: error, tenantId: this.tenantId }, "realtime feed could not read who is online");
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The hub reads on the bus's wake-up, which may come from inside a request's context. */
function outsideAnyTransaction<T>(fn: () => Promise<T>): Promise<T> {
  return tenantScope.exit(fn);
}

class Hub {
  private readonly feeds = new Map<string, TenantFeed>();
  private unsubscribe: (() => void) | null = null;
  private bus: EventBus | null = null;
  private offOnline: (() => void) | null = null;

  /** Listens to the process's bus; again after it was closed and replaced (scripts, benchmarks). */
  private listen(): void {
    this.offOnline ??= onOnlineChange((tenantId) => void this.feeds.get(tenantId)?.refreshOnline());
    const bus = getBus();
    if (this.bus === bus) return;
    this.unsubscribe?.();
    this.bus = bus;
    const offMessage = bus.subscribe((message) => {
      if (message.type === "auth") return;
      const feed = this.feeds.get(message.tenantId);
      if (!feed) return;
      if (message.type === "log") feed.wake(message.seq);
      else if (message.type === "presence") feed.applyPresence(message);
    });
    const offReconnect = bus.onReconnect(() => {
      for (const feed of this.feeds.values()) feed.wake();
    });
    this.unsubscribe = () => {
      offMessage();
      offReconnect();
    };
  }

  /**
   * Adds a listener to the tenant's feed. Returns the seq from which the listener receives events
   * (every event after it), what a new stream is told first (presence, who is online), and the
   * function that removes the listener.
   */
  async join(
    tenantId: string,
    listener: FeedListener,
  ): Promise<{ from: number; presence: PresenceSnapshot[]; online: OnlineSnapshot | null; leave: () => void }> {
    this.listen();
    let feed = this.feeds.get(tenantId);
    if (!feed) {
      feed = new TenantFeed(tenantId);
      this.feeds.set(tenantId, feed);
    }
    feed.listeners.add(listener);
    const leave = () => {
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0 && this.feeds.get(tenantId) === feed) {
        feed.stop();
        this.feeds.delete(tenantId);
      }
    };
    try {
      const from = await feed.start();
      if (!feed.online) await feed.refreshOnline();
      return { from, presence: feed.presence.all(), online: feed.online, leave };
    } catch (error) {
      leave();
      throw error;
    }
  }

  /** Open feeds and their listeners, for metrics and tests. */
  stats(): { feeds: number; listeners: number } {
    let listeners = 0;
    for (const feed of this.feeds.values()) listeners += feed.listeners.size;
    return { feeds: this.feeds.size, listeners };
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.stop();
    this.feeds.clear();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bus = null;
    this.offOnline?.();
    this.offOnline = null;
  }
}

const globalForHub = globalThis as unknown as { caseboardHub?: Hub };

export function getHub(): Hub {
  globalForHub.caseboardHub ??= new Hub();
  return globalForHub.caseboardHub;
}
