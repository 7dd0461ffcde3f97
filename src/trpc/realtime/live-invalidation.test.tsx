import { dehydrate, hydrate, QueryClient, useQuery } from "@tanstack/react-query";
import { act, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RealtimeMessage } from "@/lib/realtime/events";
import { navigation, router } from "@/test/next-navigation";
import { createTestTrpc, renderWithTrpc, type TestTrpc } from "@/test/render";
import { useTRPC } from "@/trpc/react";
import { useLiveInvalidation } from "./live-invalidation";
import { RealtimeContext, type RealtimeListener } from "./use-realtime";

function Live({ slug }: { slug: string }) {
  useLiveInvalidation(slug);
  return null;
}

let listeners: RealtimeListener[];
let testTrpc: TestTrpc;
let invalidated: unknown[][];

/** What an export button shows of its job. */
function JobStatus({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.jobs.get.queryOptions({ id }));
  return <p data-testid="job-status">{data?.status ?? "loading"}</p>;
}

function setup(handlers: Parameters<typeof createTestTrpc>[0] = {}, children: React.ReactNode = null) {
  listeners = [];
  testTrpc = createTestTrpc(handlers);
  invalidated = [];
  const original = testTrpc.queryClient.invalidateQueries.bind(testTrpc.queryClient);
  vi.spyOn(testTrpc.queryClient, "invalidateQueries").mockImplementation((filters, options) => {
    invalidated.push([...((filters as { queryKey?: unknown[] } | undefined)?.queryKey ?? ["<all>"])]);
    return original(filters, options);
  });
  renderWithTrpc(
    <RealtimeContext.Provider value={{ slug: "acme", userId: "u1", retry: () => {}, subscribe: (l) => (listeners.push(l), () => (listeners = listeners.filter((x) => x !== l))) }}>
      <Live slug="acme" />
      {children}
    </RealtimeContext.Provider>,
    testTrpc,
  );
}

const emit = (message: RealtimeMessage) => act(() => listeners.forEach((l) => l(message)));
const event = (kind: string, entityId: string, data: Record<string, string | number | null> = {}): RealtimeMessage =>
  ({ type: "event", seq: 1, kind, entityId, data, at: new Date().toISOString() }) as RealtimeMessage;
const paths = () => invalidated.map((key) => (Array.isArray(key[0]) ? (key[0] as string[]).join(".") : String(key[0])));

beforeEach(() => {
  navigation.pathname = "/t/acme/cases";
});

describe("useLiveInvalidation", () => {
  it("refetches the lists an event makes stale, coalescing a burst", async () => {
    setup();
    emit(event("case.updated", "case-1"));
    emit(event("case.created", "case-2"));
    emit(event("alert.created", "alert-1"));
    emit(event("notification.created", "n-1"));
    emit(event("feed.created", "f-1"));
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(["cases.list", "cases.counts", "cases.get", "cases.timeline", "ai.suggestions", "alerts", "notifications.list", "feed", "tenant.pulse"])));
    // One burst, one refetch per family.
    expect(paths().filter((p) => p === "cases.list")).toHaveLength(1);
    // Nothing here is server-rendered: no page refresh.
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("refreshes the server-rendered page for member and team changes, and for cases on the overview", async () => {
    navigation.pathname = "/t/acme";
    setup();
    emit(event("member.changed", "u2"));
    await waitFor(() => expect(router.refresh).toHaveBeenCalled());
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(["members.list"])));
    emit(event("team.changed", "t1"));
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(["teams.list"])));
  });

  it("refetches everything when the stream could not replay what was missed", async () => {
    setup();
    emit({ type: "ready", seq: 5, missed: false });
    emit({ type: "presence", caseId: "c", entries: [] } as unknown as RealtimeMessage);
    await new Promise((r) => setTimeout(r, 50));
    expect(invalidated).toHaveLength(0);
    emit({ type: "ready", seq: 6, missed: true });
    await waitFor(() => expect(paths()).toContain("<all>"));
    await waitFor(() => expect(router.refresh).toHaveBeenCalled());
  });

  it("writes a running job's progress into the cache instead of refetching, and refetches when its status moves", async () => {
    setup();
    const { queryClient, trpc } = testTrpc;
    queryClient.setQueryData(trpc.jobs.get.queryKey({ id: "job-1" }), { id: "job-1", status: "RUNNING", progress: 10, stage: null } as never);
    queryClient.setQueryData(trpc.jobs.list.queryKey({ limit: 20 } as never), { items: [{ id: "job-1", status: "RUNNING", progress: 10 }] } as never);
    emit(event("job.updated", "job-1", { type: "imports.run", status: "RUNNING", progress: 55, stage: "Rows" }));
    expect(queryClient.getQueryData(trpc.jobs.get.queryKey({ id: "job-1" }))).toMatchObject({ progress: 55, stage: "Rows" });
    expect(queryClient.getQueryData(trpc.jobs.list.queryKey({ limit: 20 } as never))).toMatchObject({ items: [{ progress: 55 }] });
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(["imports.list", "imports.get"])));
    expect(paths()).not.toContain("jobs.list");

    emit(event("job.updated", "job-1", { type: "exports.cases", status: "SUCCEEDED", progress: 100 }));
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(["jobs.list", "jobs.get", "imports.exports"])));
  });

  it("reads a job again when it ended while the job's first read was under way", async () => {
    let release: () => void = () => {};
    const firstRead = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const jobsGet = async () => {
      reads++;
      if (reads > 1) return { id: "job-2", status: "SUCCEEDED", progress: 100 };
      // The first read saw the job running; its answer arrives after the job's end was announced.
      await firstRead;
      return { id: "job-2", status: "RUNNING", progress: 0 };
    };
    setup({ "jobs.get": jobsGet as never }, <JobStatus id="job-2" />);
    await waitFor(() => expect(reads).toBe(1));
    emit(event("job.updated", "job-2", { type: "exports.report", status: "SUCCEEDED", progress: 100 }));
    // The event's refetch is applied while the first read is still under way.
    await waitFor(() => expect(paths()).toContain("jobs.get"));
    release();
    await waitFor(() => expect(screen.getByTestId("job-status")).toHaveTextContent("SUCCEEDED"));
    expect(reads).toBe(2);
  });

  it("puts who is online straight into the cache", async () => {
    setup();
    const since = "2026-11-30T10:00:00.000Z";
    emit({ type: "online", members: [{ userId: "u2", name: "Bob", since }] } as RealtimeMessage);
    expect(testTrpc.queryClient.getQueryData(testTrpc.trpc.realtime.online.queryKey())).toEqual([{ userId: "u2", name: "Bob", since: new Date(since) }]);
    await waitFor(() => expect(paths()).toContain("tenant.pulse"));
  });
});

/** What the case page's suggestions panel shows of its read. */
function SuggestionCount({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.ai.suggestions.queryOptions({ caseId }));
  return <p data-testid={`suggestions-${caseId}`}>{data ? `${data.items.length} suggestions` : "loading"}</p>;
}

/** A page rendered on the server hands its reads over like this: dehydrated there, hydrated here. */
function hydrateRendered(caseId: string) {
  const server = new QueryClient();
  server.setQueryData(testTrpc.trpc.ai.suggestions.queryKey({ caseId }), { items: [] } as never);
  hydrate(testTrpc.queryClient, dehydrate(server));
}

describe("a case's reads rendered before an event this tab already applied", () => {
  it("are read again when they arrive, so a new case's suggestions show", async () => {
    setup({ "ai.suggestions": (async () => ({ items: [{ id: "s1" }] })) as never });
    // The triage ends while the new case's page is on its way: no read of that case to refetch yet.
    emit(event("case.updated", "case-9"));
    await waitFor(() => expect(paths()).toContain("ai.suggestions"));
    // The page arrives with what the server read before the triage ended.
    hydrateRendered("case-9");
    hydrateRendered("case-other");
    renderWithTrpc(
      <>
        <SuggestionCount caseId="case-9" />
        <SuggestionCount caseId="case-other" />
      </>,
      testTrpc,
    );
    await waitFor(() => expect(screen.getByTestId("suggestions-case-9")).toHaveTextContent("1 suggestions"));
    // A case nothing was heard of keeps the server's answer.
    expect(screen.getByTestId("suggestions-case-other")).toHaveTextContent("0 suggestions");
  });

  it("are read again once their streamed answer lands, when the server read it before the event", async () => {
    let reads = 0;
    setup({ "ai.suggestions": (async () => (reads++, { items: [{ id: "s1" }] })) as never });
    emit(event("case.updated", "case-7"));
    await waitFor(() => expect(paths()).toContain("ai.suggestions"));
    // The page arrives while the server's read is still under way: the answer streams in after.
    let answer: (data: unknown) => void = () => {};
    const server = new QueryClient({ defaultOptions: { dehydrate: { shouldDehydrateQuery: () => true } } });
    void server.prefetchQuery({ queryKey: testTrpc.trpc.ai.suggestions.queryKey({ caseId: "case-7" }), queryFn: () => new Promise((resolve) => (answer = resolve)) });
    hydrate(testTrpc.queryClient, dehydrate(server));
    renderWithTrpc(<SuggestionCount caseId="case-7" />, testTrpc);
    act(() => answer({ items: [] }));
    await waitFor(() => expect(screen.getByTestId("suggestions-case-7")).toHaveTextContent("1 suggestions"));
    expect(reads).toBe(1);
  });
});
