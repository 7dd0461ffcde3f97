// Isolation attacks on AI assist: B's runs, B's cases' suggestions and drafts, named by id from A.
// Nothing of B is listed, read, decided, triaged or sent to a model.
import { expect } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import type { Fixture, IsolationCase } from "./fixture";

/** A subscription's first step, where a draft reads its case. */
async function firstStep(result: unknown): Promise<unknown> {
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  try {
    return await iterator.next();
  } finally {
    await iterator.return?.(undefined);
  }
}

const aJob = async (result: unknown, fx: Fixture) => {
  const job = await withPrivilegedDb("isolation check", (db) => db.job.findUniqueOrThrow({ where: { id: (result as { jobId: string }).jobId }, select: { tenantId: true } }));
  expect(job.tenantId).toBe(fx.a.id);
};

export const AI_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "ai.learnedTriage": [
    {
      name: "B's model is not asked: B's words suggest nothing to A",
      input: () => ({ title: "bravoword bravoword", description: "bravoword" }),
      expect: (result) => expect(JSON.stringify(result)).not.toContain("bravo-only"),
    },
  ],
  "ai.triageModels": [
    {
      name: "B's model is not listed",
      input: () => undefined,
      expect: (result) => expect(JSON.stringify(result)).not.toContain("bravo-only"),
    },
  ],
  "ai.trainTriageModels": [{ name: "trains A's models, as A's job", input: () => undefined, expect: aJob }],
  "ai.status": [{ name: "A's own status", input: () => undefined, expect: (result) => expect(result).toEqual({ available: false, enabled: false }) }],
  "ai.runs": [
    {
      name: "none of B's runs, and only A's tokens counted",
      input: () => ({ limit: 100 }),
      expect: (result, fx) => {
        const page = result as { items: { id: string }[]; usage: { tokensToday: number } };
        expect(page.items.map((r) => r.id)).not.toContain(fx.bAgentRunId);
      },
    },
    { name: "B's case as a filter", input: (fx) => ({ caseId: fx.bCases[0]!.id }), expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]) },
  ],
  "ai.run": [{ name: "B's run", input: (fx) => ({ id: fx.bAgentRunId }), expect: "NOT_FOUND" }],
  "ai.summary": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id }), expect: "NOT_FOUND" }],
  "ai.suggestions": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id }), expect: "NOT_FOUND" }],
  "ai.decide": [
    { name: "B's suggestion on B's case", input: (fx: Fixture) => ({ caseId: fx.bCases[0]!.id, suggestionId: fx.bSuggestionId, decision: "accept", version: 1 }), expect: "NOT_FOUND" },
    { name: "B's suggestion through A's case", input: (fx: Fixture) => ({ caseId: fx.aCases[0]!.id, suggestionId: fx.bSuggestionId, decision: "dismiss", version: 1 }), expect: "NOT_FOUND" },
  ],
  "ai.triage": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id }), expect: "NOT_FOUND" }],
  "ai.draftReply": [
    {
      name: "B's case: NOT_FOUND before anything is sent",
      input: (fx) => ({ caseId: fx.bCases[0]!.id }),
      expect: async (result) => {
        await expectAppError(firstStep(result), "NOT_FOUND");
      },
    },
  ],
};
