"use client";
// The one place events become refetches: each message is planned (invalidation-plan.ts), plans
// are coalesced per DATA_WINDOW_MS, then applied to the query cache. Only active queries refetch;
// the others are marked stale and refetch when shown. Server-rendered parts of the page (member
// lists, the overview) are refreshed through the router, more sparingly. Two messages carry their
// data and are written into the cache instead: a job's progress, and who is online.
import { useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { createBatcher, emptyPlan, planMessage, type Batcher, type InvalidationPlan, type ProgressPatch } from "./invalidation-plan";
import { useRealtimeEvents } from "./use-realtime";

type Outputs = inferRouterOutputs<AppRouter>;
type Trpc = ReturnType<typeof useTRPC>;

/** At most one refetch per query family per window. */
export const DATA_WINDOW_MS = 300;
/** A router refresh re-renders the page's server components: rarer. */
export const PAGE_WINDOW_MS = 2_000;

const inputOf = (query: Query) => (query.queryKey[1] as { input?: Record<string, unknown> } | undefined)?.input;
const dataId = (query: Query) => (query.state.data as { id?: unknown } | undefined)?.id;

function cachedJobStatus(queryClient: QueryClient, trpc: Trpc, jobId: string): string | undefined {
  const job = queryClient.getQueryData(trpc.jobs.get.queryKey({ id: jobId }));
  if (job) return job.status;
  for (const [, list] of queryClient.getQueriesData<Outputs["jobs"]["list"]>({ queryKey: trpc.jobs.list.pathKey() })) {
    const item = list?.items.find((j) => j.id === jobId);
    if (item) return item.status;
  }
  return undefined;
}

function patchProgress(queryClient: QueryClient, trpc: Trpc, { jobId, progress, stage }: ProgressPatch): void {
  const moved = stage === undefined ? { progress } : { progress, stage };
  queryClient.setQueryData(trpc.jobs.get.queryKey({ id: jobId }), (job) => (job ? { ...job, ...moved } : job));
  queryClient.setQueriesData<Outputs["jobs"]["list"]>({ queryKey: trpc.jobs.list.pathKey() }, (list) =>
    list ? { ...list, items: list.items.map((j) => (j.id === jobId ? { ...j, ...moved } : j)) } : list,
  );
}

/**
 * Invalidates `query` again once its first fetch has settled. TanStack Query cancels a fetch under
 * way for an invalidation only when the query already has data; during its first fetch the
 * invalidation joins that fetch, whose read may have happened before the event: an export that
 * finished while its button's first `jobs.get` was in flight stayed at "Exporting… 0%".
 */
const awaitingFirstFetch = new WeakSet<Query>();

function refetchAfterFirstFetch(queryClient: QueryClient, query: Query): void {
  // Several events during one long first fetch still make one more read, not one each.
  if (awaitingFirstFetch.has(query)) return;
  awaitingFirstFetch.add(query);
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.query !== query || (event.type !== "removed" && query.state.fetchStatus === "fetching")) return;
    unsubscribe();
    awaitingFirstFetch.delete(query);
    if (event.type !== "removed") void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  });
}

/** How long an event about a case makes that case's newly cached reads suspect (the queries' staleTime). */
export const RECENT_CASE_EVENT_MS = 30_000;

const CASE_INPUT_PATHS = new Set(["cases.timeline", "ai.suggestions", "ai.summary"]);
const pathOf = (query: Query) => (query.queryKey[0] as readonly string[] | undefined)?.join(".") ?? "";

/** The case a case-scoped read is about: cases.get by its answer's id, the rest by their input. */
function caseIdOf(query: Query): string | undefined {
  const path = pathOf(query);
  const id = path === "cases.get" ? dataId(query) : CASE_INPUT_PATHS.has(path) ? inputOf(query)?.caseId : undefined;
  return typeof id === "string" ? id : undefined;
}

/**
 * A read of a case that arrives in the cache from elsewhere (a page rendered on the server,
 * hydrated after a navigation, its answer in hand or still streaming) may have been read before an
 * event this tab has already applied: the event found no query of that case to refetch, and the
 * rendered answer would stay as it was (a new case's AI suggestions, finished while its page was on
 * its way, never showed). A case read that first gets its answer within RECENT_CASE_EVENT_MS of an
 * event about that case is therefore read again, once. (A read this tab started after the event
 * is read twice: a small price, and only right after an event.)
 */
function rereadArrivingCaseReads(queryClient: QueryClient, recentCaseEvents: Map<string, number>, now: () => number): () => void {
  const awaitingAnswer = new WeakSet<Query>();
  const rereadIfRecent = (query: Query) => {
    const caseId = caseIdOf(query);
    const at = caseId === undefined ? undefined : recentCaseEvents.get(caseId);
    if (at === undefined || now() - at > RECENT_CASE_EVENT_MS) return;
    const { queryKey } = query;
    // Hydration adds queries while React renders: read again after it.
    setTimeout(() => void queryClient.invalidateQueries({ queryKey, exact: true }), 0);
  };
  return queryClient.getQueryCache().subscribe((event) => {
    const { query } = event;
    if (event.type === "added") {
      const path = pathOf(query);
      if (path !== "cases.get" && !CASE_INPUT_PATHS.has(path)) return;
      if (query.state.data !== undefined) rereadIfRecent(query);
      else awaitingAnswer.add(query);
    } else if (event.type === "updated" && awaitingAnswer.has(query) && (event.action.type === "success" || event.action.type === "error")) {
      awaitingAnswer.delete(query);
      if (event.action.type === "success") rereadIfRecent(query);
    } else if (event.type === "removed") {
      awaitingAnswer.delete(query);
    }
  });
}

export function applyPlan(queryClient: QueryClient, trpc: Trpc, plan: InvalidationPlan): void {
  /** The queries under `queryKey` (all without one) that `predicate` accepts. */
  const refetch = (queryKey?: readonly unknown[], predicate?: (query: Query) => boolean) => {
    for (const query of queryClient.getQueryCache().findAll({ queryKey, predicate, fetchStatus: "fetching" })) {
      if (query.state.data === undefined) refetchAfterFirstFetch(queryClient, query);
    }
    void queryClient.invalidateQueries(queryKey ? { queryKey, predicate } : undefined);
  };
  if (plan.all) {
    refetch();
    return;
  }
  const { families, caseIds, jobIds } = plan;
  if (families.has("cases.list")) refetch(trpc.cases.list.pathKey());
  if (families.has("cases.counts")) refetch(trpc.cases.counts.pathKey());
  if (caseIds.size) {
    // cases.get is keyed by number, the others by id; events name the id (caseIdOf reads both).
    const aboutTheseCases = (q: Query) => caseIds.has(caseIdOf(q) ?? "");
    refetch(trpc.cases.get.pathKey(), aboutTheseCases);
    refetch(trpc.cases.timeline.pathKey(), aboutTheseCases);
    refetch(trpc.ai.suggestions.pathKey(), aboutTheseCases);
    refetch(trpc.ai.summary.pathKey(), aboutTheseCases);
  }
  if (families.has("jobs.list")) refetch(trpc.jobs.list.pathKey());
  if (jobIds.size) refetch(trpc.jobs.get.pathKey(), (q) => jobIds.has(String(inputOf(q)?.id)));
  if (families.has("imports.list")) refetch(trpc.imports.list.pathKey());
  if (families.has("imports.get")) refetch(trpc.imports.get.pathKey());
  if (families.has("imports.exports")) refetch(trpc.imports.exports.pathKey());
  if (families.has("notifications.list")) refetch(trpc.notifications.list.pathKey());
  if (families.has("members.list")) refetch(trpc.members.list.pathKey());
  if (families.has("teams.list")) refetch(trpc.teams.list.pathKey());
  if (families.has("alerts")) refetch(trpc.alerts.pathKey());
  if (families.has("feed")) refetch(trpc.feed.pathKey());
  if (families.has("pulse")) refetch(trpc.tenant.pulse.pathKey());
}

/** Keeps this tab's queries in step with the tenant's events. Used once, by the provider. */
export function useLiveInvalidation(slug: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const onOverview = pathname === `/t/${slug}`;
  const batchers = useRef<{ data: Batcher; page: Batcher } | null>(null);
  /** When this tab last heard of each case (pruned as it goes). */
  const [recentCaseEvents] = useState(() => new Map<string, number>());

  useEffect(() => {
    const timers = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };
    const data = createBatcher(DATA_WINDOW_MS, (plan) => applyPlan(queryClient, trpc, plan), timers);
    const page = createBatcher(PAGE_WINDOW_MS, () => router.refresh(), timers);
    batchers.current = { data, page };
    const unwatch = rereadArrivingCaseReads(queryClient, recentCaseEvents, timers.now);
    return () => {
      data.dispose();
      page.dispose();
      unwatch();
      batchers.current = null;
    };
  }, [queryClient, trpc, router, recentCaseEvents]);

  useRealtimeEvents((message) => {
    const target = batchers.current;
    if (!target) return;
    const { plan, patch, online } = planMessage(message, {
      cachedJobStatus: (id) => cachedJobStatus(queryClient, trpc, id),
      pageShowsCases: onOverview,
    });
    if (plan.caseIds.size) {
      const now = Date.now();
      for (const [id, at] of recentCaseEvents) if (now - at > RECENT_CASE_EVENT_MS) recentCaseEvents.delete(id);
      for (const id of plan.caseIds) recentCaseEvents.set(id, now);
    }
    if (patch) patchProgress(queryClient, trpc, patch);
    if (online) queryClient.setQueryData(trpc.realtime.online.queryKey(), online);
    if (plan.all || plan.families.delete("page")) {
      const refresh = emptyPlan();
      refresh.families.add("page");
      target.page.add(refresh);
    }
    target.data.add(plan);
  });
}
