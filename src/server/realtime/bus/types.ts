// The realtime bus: after a change commits, the app publishes a small wake-up message here so every
// instance sharing the database re-reads the tenant's event log; presence travels here too (it is
// never stored). The bus carries no data a reader could not fetch itself, and it may lose messages
// (an outage, a restart): the log is the truth, the bus only says "look now".
//
// Besides the types, this file holds what the three backends share: the message schema (checked
// on publish and on receipt, so a bad message is refused where it is made), the size limit, the
// listener sets and the once-per-outage logging.
import { z } from "zod";
import { logger } from "@/server/logger";

/** A message on the bus: JSON-serialisable, at most MAX_MESSAGE_BYTES serialised (pg_notify's limit is 8000 bytes). */
export type BusMessage =
  | { type: "log"; tenantId: string; seq: number } // tenant's event log grew to seq
  | {
      type: "presence";
      tenantId: string;
      caseId: string;
      userId: string;
      name: string;
      state: "viewing" | "replying" | "left";
      instanceId: string;
      expiresAt: number;
    }
  // A member's open stream in the tenant (src/server/realtime/online.ts); "offline" when it closes.
  | {
      type: "online";
      tenantId: string;
      userId: string;
      name: string;
      connectionId: string;
      state: "online" | "offline";
      since: number;
      expiresAt: number;
    }
  // Who a credential stands for changed (a key revoked, a member removed or re-roled, a tenant
  // suspended or renamed, a password changed): every instance drops what it cached about them
  // (src/server/auth/auth-cache.ts). Null fields match everything.
  | { type: "auth"; tenantId: string | null; userId: string | null; sessionId: string | null };

export type BusKind = "memory" | "postgres" | "redis";

export interface EventBus {
  readonly kind: BusKind;
  /** A random id for this bus (one per process through getBus()), for presence messages' `instanceId`. */
  readonly instanceId: string;
  /** Delivered to every subscriber of every instance on the same backend, this instance included. Never throws: a failure is logged (once per outage) and reported as false. */
  publish(message: BusMessage): Promise<boolean>;
  /** Listener called for each message; returns the unsubscribe function. Listener exceptions are caught and logged. */
  subscribe(listener: (message: BusMessage) => void): () => void;
  /**
   * Fires each time the listening side starts listening: after the first connection (messages
   * published between subscribe() and then were missed) and after every reconnection (messages may
   * have been missed while it was down), so consumers re-read the log. Memory bus: never.
   */
  onReconnect(listener: () => void): () => void;
  /** Stops delivery at once, then closes the connections. Publishing afterwards returns false. */
  close(): Promise<void>;
}

/** Room left under pg_notify's 8000-byte payload limit; every backend enforces it, so the embedded setup finds an oversized message too. */
export const MAX_MESSAGE_BYTES = 7_000;

const id = z.string().min(1).max(200);
const busMessageSchema: z.ZodType<BusMessage> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("log"), tenantId: id, seq: z.number().int().nonnegative() }),
  z.object({
    type: z.literal("presence"),
    tenantId: id,
    caseId: id,
    userId: id,
    name: z.string(),
    state: z.enum(["viewing", "replying", "left"]),
    instanceId: id,
    expiresAt: z.number().finite(),
  }),
  z.object({
    type: z.literal("online"),
    tenantId: id,
    userId: id,
    name: z.string(),
    connectionId: id,
    state: z.enum(["online", "offline"]),
    since: z.number().finite(),
    expiresAt: z.number().finite(),
  }),
  z.object({ type: z.literal("auth"), tenantId: id.nullable(), userId: id.nullable(), sessionId: id.nullable() }),
]);

/** What a log line may say about a message: never the presence name. */
const summarise = (message: unknown) => {
  const m = (typeof message === "object" && message !== null ? message : {}) as { type?: unknown; tenantId?: unknown };
  return { type: typeof m.type === "string" ? m.type : undefined, tenantId: typeof m.tenantId === "string" ? m.tenantId : undefined };
};

/** The payload to send, or null (logged) when the message is malformed or too large. */
export function encodeMessage(message: BusMessage, bus: BusKind): string | null {
  const parsed = busMessageSchema.safeParse(message);
  if (!parsed.success) {
    logger.error({ bus, message: summarise(message), issues: parsed.error.issues.map((i) => i.path.join(".")) }, "realtime bus refused a malformed message");
    return null;
  }
  const payload = JSON.stringify(parsed.data);
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > MAX_MESSAGE_BYTES) {
    logger.error({ bus, message: summarise(message), bytes, limit: MAX_MESSAGE_BYTES }, "realtime bus refused a message too large");
    return null;
  }
  return payload;
}

/**
 * The message a received payload carries, or null (logged) when it does not parse or is of no
 * known type. Frozen: every listener of a bus gets the same object, so none may change it for the others.
 */
export function decodeMessage(payload: string | undefined, bus: BusKind): BusMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? "");
  } catch {
    logger.warn({ bus, bytes: payload?.length ?? 0 }, "realtime bus ignored a payload that is not JSON");
    return null;
  }
  const parsed = busMessageSchema.safeParse(value);
  if (!parsed.success) {
    logger.warn({ bus, message: summarise(value) }, "realtime bus ignored a message of no known shape");
    return null;
  }
  return Object.freeze(parsed.data);
}

/** Listeners called in order; one that throws is logged and the others still run. */
export class ListenerSet<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  constructor(
    private readonly bus: BusKind,
    private readonly what: string,
  ) {}

  add(listener: (...args: Args) => void): () => void {
    // A wrapper per call, so subscribing the same function twice gives two independent subscriptions.
    const entry = (...args: Args) => listener(...args);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(...args: Args): void {
    for (const listener of [...this.listeners]) {
      // Unsubscribed by an earlier listener of this same round: not called.
      if (!this.listeners.has(listener)) continue;
      try {
        listener(...args);
      } catch (error) {
        logger.error({ err: error, bus: this.bus }, `realtime bus ${this.what} listener failed`);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Logs the first failure of an outage as a warning and the recovery once; the failures in between stay quiet. */
export function outageLog(bus: BusKind, side: "publish" | "listen") {
  let failing = false;
  return {
    get failing() {
      return failing;
    },
    failed(error: unknown) {
      if (failing) return;
      failing = true;
      const err = error instanceof Error ? { message: error.message, code: (error as { code?: unknown }).code } : { message: String(error) };
      logger.warn({ err, bus, side }, `realtime bus ${side} side unavailable`);
    },
    recovered() {
      if (!failing) return;
      failing = false;
      logger.info({ bus, side }, `realtime bus ${side} side available again`);
    },
  };
}

/**
 * The networked buses' publish: runs `send`, reports the outcome to the outage log, answers true or
 * false (never throws), and keeps the attempt in `inFlight` until it settles, so close() can wait for it.
 */
export function trackPublish(send: () => Promise<unknown>, health: ReturnType<typeof outageLog>, inFlight: Set<Promise<unknown>>): Promise<boolean> {
  const sent = send().then(
    () => {
      health.recovered();
      return true;
    },
    (error: unknown) => {
      health.failed(error);
      return false;
    },
  );
  inFlight.add(sent);
  void sent.finally(() => inFlight.delete(sent));
  return sent;
}

/** Rejects when `promise` has not settled within `ms` (the work itself is not cancelled: callers clean up). */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** 100 ms doubling to 5 s by default: the delay before reconnection attempt `attempt` (1-based). */
export const backoff = (attempt: number, minMs: number, maxMs: number) => Math.min(minMs * 2 ** Math.min(attempt - 1, 20), maxMs);
