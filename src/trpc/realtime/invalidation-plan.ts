// Which cached queries an event makes stale, and a batcher that turns a burst of events into at
// most one invalidation per query family per window. Events carry ids only; the queries refetch
// through the normal procedures (which apply the caller's permissions). Pure: the hook that
// applies a plan to the query cache is live-invalidation.ts.
import type { OnlineSnapshot, RealtimeMessage } from "@/lib/realtime/events";

/** Query families refetched as a whole (only the active queries of a family refetch). */
export type Family =
  | "cases.list"
  | "cases.counts"
  | "jobs.list"
  | "imports.list"
  | "imports.get"
  | "imports.exports"
  | "notifications.list"
  | "members.list"
  | "teams.list"
  /** alerts.list, alerts.count and alerts.get. */
  | "alerts"
  /** feed.list and feed.get. */
  | "feed"
  /** tenant.pulse: the overview's live figures, made of cases, alerts and who is online. */
  | "pulse"
  /** Server-rendered data on the page (member lists, the overview): router.refresh(). */
  | "page";

export interface InvalidationPlan {
  /** Refetch everything shown (the stream could not replay what was missed). */
  all: boolean;
  families: Set<Family>;
  /** cases.get, cases.timeline, ai.suggestions and ai.summary of these cases. */
  caseIds: Set<string>;
  /** jobs.get of these jobs. */
  jobIds: Set<string>;
}

export const emptyPlan = (): InvalidationPlan => ({ all: false, families: new Set(), caseIds: new Set(), jobIds: new Set() });

export const isEmptyPlan = (p: InvalidationPlan) => !p.all && p.families.size === 0 && p.caseIds.size === 0 && p.jobIds.size === 0;

export function mergePlans(into: InvalidationPlan, from: InvalidationPlan): InvalidationPlan {
  into.all ||= from.all;
  for (const f of from.families) into.families.add(f);
  for (const id of from.caseIds) into.caseIds.add(id);
  for (const id of from.jobIds) into.jobIds.add(id);
  return into;
}

/** A job's new progress, written straight into the cached job instead of refetching it. */
export interface ProgressPatch {
  jobId: string;
  progress: number;
  /** The handler's stage text, when the event carries one. */
  stage?: string;
}

export interface PlanContext {
  /** The status of the job as cached (jobs.get or jobs.list), undefined when not cached. */
  cachedJobStatus(jobId: string): string | undefined;
  /** The page shows server-rendered case data (the overview) that only a page refresh updates. */
  pageShowsCases: boolean;
}

/** Who is online, in the shape `realtime.online` returns, written straight into its cache. */
export interface OnlineMemberData {
  userId: string;
  name: string;
  since: Date;
}

export interface MessagePlan {
  plan: InvalidationPlan;
  patch: ProgressPatch | null;
  /** An online snapshot: the whole new list (it is the same answer realtime.online gives, so no refetch). */
  online?: OnlineMemberData[];
}

export const onlineData = (snapshot: OnlineSnapshot): OnlineMemberData[] =>
  snapshot.members.map((m) => ({ userId: m.userId, name: m.name, since: new Date(m.since) }));

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** What one message makes stale. Presence changes no query; who is online replaces one. */
export function planMessage(message: RealtimeMessage, ctx: PlanContext): MessagePlan {
  const plan = emptyPlan();
  let patch: ProgressPatch | null = null;
  if (message.type === "ready") {
    plan.all = message.missed;
    return { plan, patch };
  }
  if (message.type === "presence") return { plan, patch };
  if (message.type === "online") {
    plan.families.add("pulse");
    return { plan, patch, online: onlineData(message) };
  }
  const { kind, entityId, data } = message;
  switch (kind) {
    case "case.created":
      plan.families.add("cases.list").add("cases.counts").add("pulse");
      if (ctx.pageShowsCases) plan.families.add("page");
      break;
    case "case.updated":
    case "case.message_added":
    case "case.merged":
      plan.families.add("cases.list").add("cases.counts").add("pulse");
      plan.caseIds.add(entityId);
      if (ctx.pageShowsCases) plan.families.add("page");
      break;
    case "job.updated": {
      const type = str(data.type) ?? "";
      const status = str(data.status);
      const cached = ctx.cachedJobStatus(entityId);
      const progress = typeof data.progress === "number" ? data.progress : null;
      if (cached !== undefined && status === cached && progress !== null) {
        // Only the progress moved: no refetch for it (a running job reports it often).
        patch = { jobId: entityId, progress, ...(typeof data.stage === "string" ? { stage: data.stage } : {}) };
      } else {
        plan.families.add("jobs.list");
        plan.jobIds.add(entityId);
      }
      // An import's row counts move with its job; an export's file appears when it ends.
      if (type.startsWith("imports.")) plan.families.add("imports.list").add("imports.get");
      if (type.startsWith("exports.") && status !== cached) plan.families.add("imports.exports");
      break;
    }
    case "notification.created":
    case "notification.updated":
      // The bell and the inbox read the same list (read, done or snoozed in another tab or device).
      plan.families.add("notifications.list");
      break;
    case "member.changed":
      // Member lists are rendered on the server (settings, the case page's assignee list), and a
      // role change of this user changes what the page offers.
      plan.families.add("members.list").add("page");
      break;
    case "team.changed":
      // Teams show on settings (server-rendered), in the case page's team selector and, by name, in the list.
      plan.families.add("teams.list").add("cases.list").add("page");
      break;
    case "alert.created":
    case "alert.updated":
      // Lists, counts (the sidebar badge) and an open alert all read the same few rows.
      plan.families.add("alerts").add("pulse");
      break;
    case "feed.created":
    case "feed.updated":
    case "feed.deleted":
      // The event names no audience: the list refetches and the server decides what this member reads.
      plan.families.add("feed");
      break;
  }
  return { plan, patch };
}

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Batcher {
  add(plan: InvalidationPlan): void;
  dispose(): void;
}

/**
 * Collects plans and flushes them at most once per `windowMs`: the first change after a quiet
 * spell goes out on the next tick (a synchronous burst still coalesces), the rest of a burst at
 * the end of each window. So 500 events in a second are a handful of refetches, not 500.
 */
export function createBatcher(windowMs: number, flush: (plan: InvalidationPlan) => void, timers: Timers): Batcher {
  let pending: InvalidationPlan | null = null;
  let lastFlush = -Infinity;
  let timer: unknown = null;
  let disposed = false;

  const run = () => {
    timer = null;
    if (disposed || !pending) return;
    const plan = pending;
    pending = null;
    lastFlush = timers.now();
    flush(plan);
  };

  return {
    add(plan) {
      if (disposed || isEmptyPlan(plan)) return;
      pending = pending ? mergePlans(pending, plan) : mergePlans(emptyPlan(), plan);
      if (timer !== null) return;
      timer = timers.setTimeout(run, Math.max(0, lastFlush + windowMs - timers.now()));
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
