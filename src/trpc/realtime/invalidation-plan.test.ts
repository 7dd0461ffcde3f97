import { describe, expect, it } from "vitest";
import { createBatcher, emptyPlan, isEmptyPlan, planMessage, type InvalidationPlan, type PlanContext } from "./invalidation-plan";
import { event, ManualClock, presence, ready } from "./test-fakes";

const ctx = (jobs: Record<string, string> = {}, pageShowsCases = false): PlanContext => ({
  cachedJobStatus: (id) => jobs[id],
  pageShowsCases,
});

const summary = (plan: InvalidationPlan) => ({
  all: plan.all,
  families: [...plan.families].sort(),
  caseIds: [...plan.caseIds],
  jobIds: [...plan.jobIds],
});

describe("planMessage: what an event makes stale", () => {
  it("a new case: the list, the tab counts and the overview's pulse", () => {
    expect(summary(planMessage(event(1, "case.created", "c1"), ctx()).plan)).toEqual({
      all: false,
      families: ["cases.counts", "cases.list", "pulse"],
      caseIds: [],
      jobIds: [],
    });
  });

  it.each(["case.updated", "case.message_added", "case.merged"] as const)("%s: list, counts, pulse and that case's detail and timeline", (kind) => {
    expect(summary(planMessage(event(1, kind, "c1"), ctx()).plan)).toEqual({
      all: false,
      families: ["cases.counts", "cases.list", "pulse"],
      caseIds: ["c1"],
      jobIds: [],
    });
  });

  it("case events refresh the server-rendered overview only when it is shown", () => {
    expect(planMessage(event(1, "case.updated", "c1"), ctx({}, true)).plan.families.has("page")).toBe(true);
    expect(planMessage(event(1, "case.updated", "c1"), ctx({}, false)).plan.families.has("page")).toBe(false);
  });

  it("a job's progress alone is written into the cache, not refetched", () => {
    const { plan, patch } = planMessage(event(1, "job.updated", "j1", { type: "cases.bulk-update", status: "RUNNING", progress: 40 }), ctx({ j1: "RUNNING" }));
    expect(patch).toEqual({ jobId: "j1", progress: 40 });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it("a job that changed status, or is not cached, is refetched (list and detail)", () => {
    const changed = planMessage(event(1, "job.updated", "j1", { type: "cases.bulk-update", status: "SUCCEEDED", progress: 100 }), ctx({ j1: "RUNNING" }));
    expect(changed.patch).toBeNull();
    expect(summary(changed.plan)).toMatchObject({ families: ["jobs.list"], jobIds: ["j1"] });
    const unknown = planMessage(event(1, "job.updated", "j2", { type: "cases.bulk-update", status: "RUNNING", progress: 5 }), ctx());
    expect(summary(unknown.plan)).toMatchObject({ families: ["jobs.list"], jobIds: ["j2"] });
  });

  it("an import's job refreshes the imports (their row counts move with it)", () => {
    const { plan, patch } = planMessage(event(1, "job.updated", "j1", { type: "imports.run", status: "RUNNING", progress: 10 }), ctx({ j1: "RUNNING" }));
    expect(patch).toEqual({ jobId: "j1", progress: 10 });
    // With the handler's stage, the patch carries it too.
    const staged = planMessage(event(2, "job.updated", "j1", { type: "imports.run", status: "RUNNING", progress: 20, stage: "Reading the file" }), ctx({ j1: "RUNNING" }));
    expect(staged.patch).toEqual({ jobId: "j1", progress: 20, stage: "Reading the file" });
    expect([...plan.families].sort()).toEqual(["imports.get", "imports.list"]);
  });

  it("an export's job refreshes the export files when its status changes", () => {
    const done = planMessage(event(1, "job.updated", "j1", { type: "exports.cases", status: "SUCCEEDED", progress: 100 }), ctx({ j1: "RUNNING" }));
    expect(done.plan.families.has("imports.exports")).toBe(true);
    const moving = planMessage(event(1, "job.updated", "j1", { type: "exports.cases", status: "RUNNING", progress: 50 }), ctx({ j1: "RUNNING" }));
    expect(moving.plan.families.has("imports.exports")).toBe(false);
  });

  it("notifications: the bell; members: the member lists and the server-rendered page", () => {
    expect([...planMessage(event(1, "notification.created", "n1"), ctx()).plan.families]).toEqual(["notifications.list"]);
    expect([...planMessage(event(2, "notification.updated", "n1"), ctx()).plan.families]).toEqual(["notifications.list"]);
    expect([...planMessage(event(1, "member.changed", "u1", { role: "AGENT" }), ctx()).plan.families].sort()).toEqual(["members.list", "page"]);
  });

  it("who is online: the list itself, as realtime.online returns it, to write into its cache; only the pulse's count refetched", () => {
    const since = "2026-01-05T09:30:00.000Z";
    const { plan, patch, online } = planMessage({ type: "online", members: [{ userId: "u1", name: "Ava", since }] }, ctx());
    expect(online).toEqual([{ userId: "u1", name: "Ava", since: new Date(since) }]);
    expect(patch).toBeNull();
    expect(summary(plan)).toEqual({ all: false, families: ["pulse"], caseIds: [], jobIds: [] });
    // Everyone gone is a list too (an empty one), not "nothing to do".
    expect(planMessage({ type: "online", members: [] }, ctx()).online).toEqual([]);
    // Other messages leave the cached list alone.
    expect(planMessage(event(1, "member.changed", "u1"), ctx()).online).toBeUndefined();
  });

  it("alerts: lists, counts and the pulse; feed items: the feed, whoever they are for", () => {
    expect([...planMessage(event(1, "alert.created", "a1"), ctx()).plan.families].sort()).toEqual(["alerts", "pulse"]);
    expect([...planMessage(event(2, "alert.updated", "a1"), ctx()).plan.families].sort()).toEqual(["alerts", "pulse"]);
    for (const kind of ["feed.created", "feed.updated", "feed.deleted"] as const) expect([...planMessage(event(3, kind, "f1"), ctx()).plan.families]).toEqual(["feed"]);
  });

  it("ready: everything when the client missed events, nothing otherwise; presence: nothing", () => {
    expect(planMessage(ready(9, true), ctx()).plan.all).toBe(true);
    expect(isEmptyPlan(planMessage(ready(9, false), ctx()).plan)).toBe(true);
    expect(isEmptyPlan(planMessage(presence("c1", "Ava"), ctx()).plan)).toBe(true);
  });
});

describe("createBatcher: at most one invalidation per family per window", () => {
  function setup(windowMs = 300) {
    const clock = new ManualClock();
    const flushed: InvalidationPlan[] = [];
    const batcher = createBatcher(windowMs, (p) => flushed.push(p), clock);
    const add = (seq: number, caseId = `c${seq}`) => batcher.add(planMessage(event(seq, "case.updated", caseId), ctx()).plan);
    return { clock, flushed, batcher, add };
  }

  it("a burst of 500 events is one flush at once and one per window after, each merging what came", () => {
    const s = setup();
    for (let seq = 1; seq <= 500; seq++) s.add(seq);
    s.clock.advance(0);
    expect(s.flushed).toHaveLength(1);
    expect(s.flushed[0]!.caseIds.size).toBe(500);
    expect([...s.flushed[0]!.families].sort()).toEqual(["cases.counts", "cases.list", "pulse"]);

    // Events keep coming over the next second, one every 10 ms.
    for (let i = 0; i < 100; i++) {
      s.add(1_000 + i);
      s.clock.advance(10);
    }
    s.clock.advance(300);
    // Flushed at 300, 600, 900 and 1200 ms: four more, 100 cases between them.
    expect(s.flushed).toHaveLength(5);
    expect(s.flushed.slice(1).reduce((n, p) => n + p.caseIds.size, 0)).toBe(100);
  });

  it("the first change after a quiet spell goes out on the next tick", () => {
    const s = setup();
    s.add(1);
    s.clock.advance(0);
    expect(s.flushed).toHaveLength(1);
    s.clock.advance(5_000);
    s.add(2);
    s.clock.advance(0);
    expect(s.flushed).toHaveLength(2);
  });

  it("a change inside the window waits for its end", () => {
    const s = setup();
    s.add(1);
    s.clock.advance(0);
    s.clock.advance(100);
    s.add(2);
    s.clock.advance(199);
    expect(s.flushed).toHaveLength(1);
    s.clock.advance(1);
    expect(s.flushed).toHaveLength(2);
    expect([...s.flushed[1]!.caseIds]).toEqual(["c2"]);
  });

  it("ignores empty plans, and stops after dispose", () => {
    const s = setup();
    s.batcher.add(emptyPlan());
    s.clock.advance(1_000);
    expect(s.flushed).toHaveLength(0);
    s.add(1);
    s.batcher.dispose();
    s.clock.advance(1_000);
    expect(s.flushed).toHaveLength(0);
  });
});
