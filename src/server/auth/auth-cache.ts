// A few seconds' memory of who a credential stands for, so a request does not open a privileged
// transaction just to learn what the previous request learned (measured on the cases-http bench:
// the lookup was a third of a cases.list call). Correctness does not rest on the time limit:
// whatever changes a credential's meaning (a key revoked, a member removed or re-roled, a tenant
// suspended, renamed or scheduled for deletion, a password changed, a sign-out) calls
// invalidateAuth(), which, once its transaction has committed, drops the matching entries here and
// tells every other instance over the realtime bus to do the same. The time limit only bounds
// what a lost bus message could leave behind, and a reconnected bus (messages may have been lost)
// drops everything.
//
// A lookup that started before an invalidation is not cached (a generation counter), so a read
// of the old state cannot land in the cache after the change.
import { afterCommit } from "@/server/db/after-commit";
import { logger } from "@/server/logger";
import { getBus, type BusMessage, type EventBus } from "@/server/realtime/bus";

/** How long an entry lives without an invalidation. */
export const AUTH_CACHE_TTL_MS = 5_000;
/** Entries per cache; the oldest go first. */
const MAX_ENTRIES = 10_000;

export interface AuthTarget {
  tenantId?: string | null;
  userId?: string | null;
  sessionId?: string | null;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  tenantId: string | null;
  userIds: readonly string[];
  sessionId: string | null;
}

/** Invalidations remembered for lookups under way; a lookup older than these is not kept. */
const REMEMBERED_INVALIDATIONS = 1_000;

type Tags = Pick<Entry<unknown>, "tenantId" | "userIds" | "sessionId">;

function matches(target: AuthTarget, e: Tags): boolean {
  if (!target.tenantId && !target.userId && !target.sessionId) return true;
  return (
    (!!target.tenantId && e.tenantId === target.tenantId) ||
    (!!target.userId && e.userIds.includes(target.userId)) ||
    (!!target.sessionId && e.sessionId === target.sessionId)
  );
}

export class AuthCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Invalidations so far, and the most recent ones (oldest first) for lookups under way. */
  private generation = 0;
  // Stryker disable next-line ArrayDeclaration: equivalent; a stray first entry is never among the last `since` (since counts real invalidations only), and the length it adds is dropped by the shift before `since` could exceed it
  private readonly recent: AuthTarget[] = [];

  constructor(
    private readonly ttlMs = AUTH_CACHE_TTL_MS,
    private readonly limits = { entries: MAX_ENTRIES, rememberedInvalidations: REMEMBERED_INVALIDATIONS },
  ) {}

  /**
   * The cached value for `key`, or `load()`'s. `load` says what the value belongs to, and whether
   * it may be kept (refusals are not: the next attempt should see a fix at once).
   */
  async get(key: string, load: () => Promise<{ value: V; keep: boolean } & Omit<Entry<V>, "value" | "expiresAt">>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const generation = this.generation;
    const loaded = await load();
    if (loaded.keep && !this.invalidatedSince(generation, loaded)) {
      this.entries.delete(key);
      this.entries.set(key, { value: loaded.value, expiresAt: now + this.ttlMs, tenantId: loaded.tenantId, userIds: loaded.userIds, sessionId: loaded.sessionId });
      if (this.entries.size > this.limits.entries) this.entries.delete(this.entries.keys().next().value!);
    }
    return loaded.value;
  }

  /** Drops the entries of the tenant, user or session named (all of them when none is). */
  invalidate(target: AuthTarget): void {
    this.generation++;
    this.recent.push(target);
    if (this.recent.length > this.limits.rememberedInvalidations) this.recent.shift();
    for (const [key, e] of this.entries) if (matches(target, e)) this.entries.delete(key);
  }

  /**
   * Whether an invalidation since `generation` concerns what a lookup loaded (it may have read
   * the old state). Other tenants' changes do not count, so a busy deployment still caches.
   */
  private invalidatedSince(generation: number, loaded: Tags): boolean {
    const since = this.generation - generation;
    if (since === 0) return false;
    if (since > this.recent.length) return true;
    return this.recent.slice(-since).some((target) => matches(target, loaded));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether `key` is cached (and not expired) at `now`. */
  has(key: string, now = Date.now()): boolean {
    const hit = this.entries.get(key);
    return !!hit && hit.expiresAt > now;
  }
}

export const apiKeyCache = new AuthCache<unknown>();
export const sessionCache = new AuthCache<unknown>();
const caches = [apiKeyCache, sessionCache];

/**
 * Forgets everything this instance cached. For tests and scripts that change credentials behind
 * the services' back (a direct UPDATE is not announced: the cache would hold the old state for up
 * to AUTH_CACHE_TTL_MS).
 */
export function forgetCachedCredentials(): void {
  for (const cache of caches) cache.invalidate({});
}

let listeningOn: EventBus | null = null;

/**
 * Subscribes this instance to other instances' invalidations: on first use of a cache, and again
 * when the process's bus was closed and replaced (scripts, tests), forgetting what was cached
 * meanwhile.
 */
export function listenForAuthChanges(): void {
  const bus = getBus();
  if (listeningOn === bus) return;
  // Stryker disable next-line ConditionalExpression: forgetting on the first call as well is equivalent (every cache use calls this first, so nothing is cached yet); never forgetting fails the "process's bus replaced" test of auth-cache.test.ts
  if (listeningOn) forgetCachedCredentials();
  listeningOn = bus;
  followAuthChanges(bus, caches);
}

/** Applies a bus's auth messages to caches; a reconnected bus (messages may be lost) empties them. Returns the unsubscribe function. */
export function followAuthChanges(bus: EventBus, targets: readonly AuthCache<unknown>[]): () => void {
  const offMessage = bus.subscribe((m: BusMessage) => {
    if (m.type !== "auth") return;
    for (const cache of targets) cache.invalidate(m);
  });
  const offReconnect = bus.onReconnect(() => {
    for (const cache of targets) cache.invalidate({});
  });
  return () => {
    offMessage();
    offReconnect();
  };
}

/**
 * Call in the transaction that changes what a credential means. After it commits, this instance
 * forgets at once and every other instance is told; a rollback changes nothing.
 */
export function invalidateAuth(target: AuthTarget): void {
  const message = { type: "auth" as const, tenantId: target.tenantId ?? null, userId: target.userId ?? null, sessionId: target.sessionId ?? null };
  afterCommit(() => {
    for (const cache of caches) cache.invalidate(message);
    void getBus()
      .publish(message)
      .then((sent) => {
        if (!sent) logger.warn({ tenantId: message.tenantId }, "auth change not announced to other instances; their caches expire within seconds");
      });
  });
}
