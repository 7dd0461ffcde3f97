// Isolation attacks on insights: B's trending run and topic, asked for from A. A sees only its
// own (here: none yet), and recomputing computes A's topics only.
import { expect } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { IsolationCase } from "./fixture";

export const INSIGHTS_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "insights.trending": [
    {
      name: "B's run and topics are not A's",
      input: () => undefined,
      expect: (result, fx) => {
        const list = result as { run: { id: string } | null; topics: { term: string }[] };
        expect(list.run?.id).not.toBe(fx.bTrendingRunId);
        expect(list.topics.map((t) => t.term)).not.toContain("bravo outag");
      },
    },
  ],
  "insights.trendingTopic": [{ name: "B's topic by its term", input: () => ({ term: "bravo outag" }), expect: "NOT_FOUND" }],
  "insights.report": [
    {
      name: "B's rollups are not in A's report",
      input: () => ({ groupBy: "category" }),
      expect: (result) => {
        const report = result as { current: { created: number }; groups: { key: string }[] };
        expect(report.groups.map((g) => g.key)).not.toContain("bravo-only");
        expect(report.current.created).not.toBe(7);
      },
    },
  ],
  "insights.exportReport": [
    {
      name: "exports A's report as A's job, never B's rollups",
      input: () => ({ groupBy: "category" }),
      expect: async (result, fx) => {
        const job = await withPrivilegedDb("isolation check", (db) => db.job.findUniqueOrThrow({ where: { id: (result as { jobId: string }).jobId }, select: { tenantId: true } }));
        expect(job.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "insights.rebuildReports": [
    {
      name: "rebuilds A's rollups, never B's",
      input: () => undefined,
      expect: async (result, fx) => {
        const job = await withPrivilegedDb("isolation check", (db) => db.job.findUniqueOrThrow({ where: { id: (result as { jobId: string }).jobId }, select: { tenantId: true } }));
        expect(job.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "insights.recomputeTrending": [
    {
      name: "computes A's topics, never B's",
      input: () => undefined,
      expect: async (result, fx) => {
        const job = await withPrivilegedDb("isolation check", (db) => db.job.findUniqueOrThrow({ where: { id: (result as { jobId: string }).jobId }, select: { tenantId: true } }));
        expect(job.tenantId).toBe(fx.a.id);
      },
    },
  ],
};
