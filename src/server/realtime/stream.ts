// One client's stream of a tenant's events: first what it missed since its last event (read from
// the log), then each new event as the hub reads it, each only if this receiver may have it.
// Ends when the client goes, when its access is gone (checked every RECHECK_MS and at once when
// its own membership changes), or when it falls too far behind (it reconnects and catches up
// from the log, so a slow client costs the server a bounded buffer). Presence and who is online
// come from the hub too, as snapshots.
import type { LoggedEvent, OnlineSnapshot, PresenceSnapshot, RealtimeMessage } from "@/lib/realtime/events";
import { withTenantDb } from "@/server/db/tenant-db";
import { tenantScope } from "@/server/db/tenant-scope";
import { logger } from "@/server/logger";
import { mayReceive, mayReceiveOnline, type Receiver } from "./audience";
import { headSeq, oldestSeq, readEvents, type StoredEvent } from "./event-log";
import { getHub, READ_BATCH } from "./hub";

export const RECHECK_MS = 60_000;
/** Events waiting for a slow client before its stream is ended (it resumes from the log). */
export const MAX_BUFFERED = 2_000;

export interface StreamOptions {
  tenantId: string;
  receiver: Receiver;
  /** The last seq the client has (from tracked ids on reconnect); null for a new client. */
  lastSeq: number | null;
  signal: AbortSignal;
  /** The member whose membership decides this stream's access (the user, or an API key's authority). */
  accessOf?: string | null;
  /** Current access, or null when it is gone (the stream ends). */
  recheck: () => Promise<Receiver | null>;
  /** A signed-in member's stream rather than an API key's: only those are told who is online. */
  member?: boolean;
}

export type StreamEnd = "client" | "access" | "overflow";

const toMessage = (e: StoredEvent): LoggedEvent => ({
  type: "event",
  seq: e.seq,
  kind: e.kind,
  entityId: e.entityId,
  data: e.data,
  at: e.createdAt.toISOString(),
});

type Item = StoredEvent | PresenceSnapshot | OnlineSnapshot | "recheck";

/** A queue the hub pushes into and the generator awaits. */
class Inbox {
  private items: Item[] = [];
  private wakeUp: (() => void) | null = null;
  overflowed = false;

  push(item: Item): void {
    if (this.items.length >= MAX_BUFFERED) {
      this.overflowed = true;
    } else {
      this.items.push(item);
    }
    this.wakeUp?.();
  }

  take(): Item[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  wait(signal: AbortSignal, ms: number): Promise<void> {
    if (this.items.length > 0 || this.overflowed || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      signal.addEventListener("abort", done, { once: true });
    });
  }
}

export async function* eventStream(options: StreamOptions): AsyncGenerator<RealtimeMessage, StreamEnd> {
  const { tenantId, signal } = options;
  let receiver = options.receiver;
  const inbox = new Inbox();
  const mayKnowOnline = () => mayReceiveOnline(receiver, options.member ?? false);
  const { from, presence, online, leave } = await getHub().join(tenantId, {
    event(event) {
      inbox.push(event);
      // Their own membership changed: decide again at once (removal ends the stream).
      if (event.kind === "member.changed" && event.entityId === (options.accessOf ?? receiver.userId)) inbox.push("recheck");
    },
    presence: (snapshot) => inbox.push(snapshot),
    online: (snapshot) => inbox.push(snapshot),
  });
  try {
    // Catch up from the log: everything after the client's last event, up to where the hub began.
    let cursor = from;
    let missed = false;
    if (options.lastSeq !== null) {
      const { oldest, head } = await tenantScope.exit(() =>
        withTenantDb(tenantId, async (db) => ({ oldest: await oldestSeq(db), head: await headSeq(db) })),
      );
      // Older than the log keeps, or ahead of it (a seq of another tenant's log or an old database).
      missed = options.lastSeq > head || (oldest !== null && options.lastSeq < oldest - 1) || (oldest === null && options.lastSeq < head);
      cursor = missed ? from : options.lastSeq;
      while (!missed && cursor < from) {
        const after = cursor;
        const events = await tenantScope.exit(() => withTenantDb(tenantId, (db) => readEvents(db, after, READ_BATCH)));
        for (const event of events) {
          if (event.seq > from) break;
          cursor = event.seq;
          if (mayReceive(receiver, event)) yield toMessage(event);
        }
        if (events.length < READ_BATCH) break;
      }
      cursor = Math.max(cursor, from);
    }
    yield { type: "ready", seq: cursor, missed };
    for (const snapshot of presence) yield snapshot;
    // The snapshot the hub handed out while this stream joined may also be in the inbox: sent once.
    let onlineSent: OnlineSnapshot | null = null;
    if (online && mayKnowOnline()) yield (onlineSent = online);

    let nextRecheck = Date.now() + RECHECK_MS;
    for (;;) {
      if (signal.aborted) return "client";
      if (inbox.overflowed) {
        logger.info({ tenantId, buffered: MAX_BUFFERED }, "realtime stream ended: the client fell behind; it resumes from the log");
        return "overflow";
      }
      const items = inbox.take();
      let recheckNow = Date.now() >= nextRecheck;
      for (const item of items) {
        if (item === "recheck") recheckNow = true;
        else if ("type" in item) {
          if (item.type === "presence") yield item;
          else if (item !== onlineSent && mayKnowOnline()) yield (onlineSent = item);
        } else if (item.seq > cursor) {
          cursor = item.seq;
          if (mayReceive(receiver, item)) yield toMessage(item);
        }
      }
      if (recheckNow) {
        const current = await options.recheck();
        if (!current) return "access";
        receiver = current;
        nextRecheck = Date.now() + RECHECK_MS;
      }
      await inbox.wait(signal, Math.max(0, nextRecheck - Date.now()));
    }
  } finally {
    leave();
  }
}
