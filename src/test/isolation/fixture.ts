// The two tenants the isolation matrix attacks across (A attacks, B must stay unchanged), with a
// row of B of every kind a procedure can name, and the shape of one attack.
import { expect } from "vitest";
import type { CaseDetail } from "@/server/services/cases/case-select";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { createWorkspaceRows, type WorkspaceRows } from "@/test/workspace-fixtures";
import { createEscalationRows, type EscalationRows } from "@/test/escalation-fixtures";
import { createAlertRows, createTestAlert, createTestAlertRule, type AlertRows } from "@/test/alert-fixtures";
import { createTestFeedItem } from "@/test/feed-fixtures";

export interface Fixture {
  a: TestTenant;
  b: TestTenant;
  aCases: CaseDetail[];
  /** Ten cases; A never holds more than three here, so B's #10 does not exist in A. */
  bCases: CaseDetail[];
  aKey: string;
  /** An API key of B, for procedures that take a key id. */
  bKeyId: string;
  /** A waiting job of B. */
  bJobId: string;
  /** A pending invitation of B. */
  bInvitationId: string;
  /** B's customer, shared view and a notification of B's agent. */
  bRows: WorkspaceRows;
  /** B's import (waiting for a mapping) and an export file of B. */
  bImportId: string;
  bExportFileId: string;
  /** B's team (with B's agent) and an escalation rule of B. */
  bEscalation: EscalationRows;
  /** B's alerts: one routed to B's team and relating B's case, one from Alertmanager. */
  bAlerts: AlertRows;
  /** An ACTIVE alert of A, for attacks that name B's rows from A's own alert. */
  aAlertId: string;
  /** An alert rule of A, for attacks that route A's own rule to B's team or member. */
  aAlertRuleId: string;
  /** A feed item of B, for B's team only. */
  bFeedItemId: string;
  /** An announcement of A, for attacks that retarget it to B's team. */
  aFeedItemId: string;
  /** A shared canned response of A, for rendering it on B's case. */
  aCannedResponseId: string;
  /** A shared macro of A, for applying it to B's case. */
  aMacroId: string;
  /** A search B's agent made ("bravo secret query"), for search analytics. */
  bSearchId: string;
  /** An AI run of B on B's first case, and its priority suggestion. */
  bAgentRunId: string;
  bSuggestionId: string;
  /** B's trending run, with the topic "bravo outag". */
  bTrendingRunId: string;
}

export interface IsolationCase {
  /** What the attack tries. */
  name: string;
  /** A valid input that names B's rows (or tries to reach B some other way). */
  input: (fx: Fixture) => unknown;
  /** What a caller of A gets back: NOT_FOUND, or a result that must hold only A's data. */
  expect: "NOT_FOUND" | ((result: unknown, fx: Fixture) => void | Promise<void>);
  /** For procedures only members may call: what A's API key gets instead (it is refused). */
  asKey?: "FORBIDDEN";
}

export const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** The owning tenant of each case id, read the privileged way. */
export async function tenantsOfCases(ids: string[]): Promise<string[]> {
  const rows = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { id: { in: ids } }, select: { tenantId: true } }));
  expect(rows).toHaveLength(ids.length);
  return [...new Set(rows.map((r) => r.tenantId))];
}

/** How many cases the tenant has, read the privileged way. */
export const caseCountOf = (tenantId: string) => withPrivilegedDb("test check", (db) => db.case.count({ where: { tenantId } }));

export async function createIsolationFixture(): Promise<Fixture> {
  const [a, b] = await Promise.all([createTestTenant("iso-a"), createTestTenant("iso-b")]);
  const base = {
    a,
    b,
    aCases: await createTestCases(a, ["Alpha one"]),
    bCases: await createTestCases(b, Array.from({ length: 10 }, (_, i) => `Bravo secret ${i + 1}`)),
    aKey: await createTestApiKey(a, { role: "OWNER" }),
    bKeyId: await createTestApiKey(b).then(() =>
      withPrivilegedDb("test fixture", async (db) => (await db.apiKey.findFirstOrThrow({ where: { tenantId: b.id } })).id),
    ),
  };
  // Tags on both sides, so a procedure that lists tags has B's to leak.
  await withPrivilegedDb("test fixture", async (db) => {
    await db.case.updateMany({ where: { id: base.aCases[0]!.id }, data: { tags: ["alpha-tag"] } });
    await db.case.updateMany({ where: { id: base.bCases[2]!.id }, data: { tags: ["bravo-secret-tag"] } });
    // A category both tenants use, so a rename in A has B's cases to wrongly touch.
    await db.case.updateMany({ where: { id: { in: [base.aCases[0]!.id, base.bCases[3]!.id] } }, data: { category: "Question" } });
  });
  base.aCases[0] = { ...base.aCases[0]!, tags: ["alpha-tag"] };
  base.bCases[2] = { ...base.bCases[2]!, tags: ["bravo-secret-tag"] };
  const rows = await withPrivilegedDb("test fixture", async (db) => {
    const bJobId = (await db.job.create({ data: { tenantId: b.id, type: "isolation.fixture", payload: {}, runAt: new Date(Date.now() + 86_400_000) } })).id;
    const bInvitationId = (
      await db.invitation.create({
        data: { tenantId: b.id, email: `isolation-${b.slug}@example.test`, role: "AGENT", tokenHash: `iso-${b.id}`, expiresAt: new Date(Date.now() + 86_400_000) },
      })
    ).id;
    const file = (purpose: string) =>
      db.storedFile.create({
        data: { tenantId: b.id, purpose, filename: `${purpose}.csv`, contentType: "text/csv", size: 0n, sha256: "0".repeat(64), storageKey: `isolation/${purpose}/${b.id}` },
      });
    const upload = await file("import");
    const bImportId = (await db.import.create({ data: { tenantId: b.id, entity: "cases", fileId: upload.id, headers: ["Title"] } })).id;
    const bExportFileId = (await file("export")).id;
    return { bJobId, bInvitationId, bImportId, bExportFileId };
  });
  const bEscalation = await createEscalationRows(b);
  return {
    ...base,
    ...rows,
    bRows: await createWorkspaceRows(b, base.bCases[1]!.id),
    bEscalation,
    bAlerts: await createAlertRows(b, bEscalation.teamId, base.bCases[0]!.id),
    aAlertId: await createTestAlert(a, { title: "Alpha alert" }),
    aAlertRuleId: await createTestAlertRule(a, { name: "Alpha backlog" }),
    bFeedItemId: await createTestFeedItem(b, { title: "Bravo team news", audienceKind: "TEAM", audienceValue: bEscalation.teamId }),
    aFeedItemId: await createTestFeedItem(a, { title: "Alpha announcement" }),
    aCannedResponseId: await withPrivilegedDb("isolation fixture", async (db) =>
      (await db.cannedResponse.create({ data: { tenantId: a.id, title: "Alpha greeting", body: "Hi {{customer.name}}", shared: true }, select: { id: true } })).id,
    ),
    aMacroId: await withPrivilegedDb("isolation fixture", async (db) =>
      (await db.macro.create({ data: { tenantId: a.id, name: "Alpha close-out", actions: { status: "RESOLVED" }, shared: true }, select: { id: true } })).id,
    ),
    bSearchId: await withPrivilegedDb("isolation fixture", (db) =>
      db.searchEvent.create({
        data: { tenantId: b.id, userId: b.users.AGENT.id, query: "bravo secret query", kinds: ["case"], resultCount: 0, latencyMs: 1, surface: "PAGE" },
        select: { id: true },
      }),
    ).then((row) => row.id),
    ...(await withPrivilegedDb("isolation fixture", async (db) => {
      const run = await db.agentRun.create({
        data: { tenantId: b.id, agent: "triage", agentVersion: 1, model: "fixture", outcome: "SUCCEEDED", caseId: base.bCases[0]!.id },
        select: { id: true },
      });
      const suggestion = await db.caseSuggestion.create({
        data: { tenantId: b.id, caseId: base.bCases[0]!.id, runId: run.id, field: "priority", value: "URGENT", reason: "Bravo outage", confidence: 0.9 },
        select: { id: true },
      });
      return { bAgentRunId: run.id, bSuggestionId: suggestion.id };
    })),
    bTrendingRunId: await withPrivilegedDb("isolation fixture", async (db) => {
      const now = new Date();
      const run = await db.trendingRun.create({
        data: { tenantId: b.id, windowStart: new Date(now.getTime() - 86_400_000), windowEnd: now, cases: 10, candidates: 1, durationMs: 1 },
        select: { id: true },
      });
      await db.trendingTopic.create({
        data: {
          tenantId: b.id, runId: run.id, rank: 1, term: "bravo outag", label: "bravo outage", cases: 10, baseline: 0, score: 10, growth: 11,
          hourly: new Array(24).fill(0), channels: { EMAIL: 10 }, businessUnits: { "": 10 }, sampleCaseIds: [base.bCases[0]!.id],
        },
      });
      // B's rollups: a day of 7 cases in the category "bravo-only" (A's report must hold none of them).
      const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
      await db.caseReportRollup.createMany({
        data: [
          { tenantId: b.id, dimension: "all", day: today, value: "", created: 7 },
          { tenantId: b.id, dimension: "category", day: today, value: "bravo-only", created: 7 },
        ],
      });
      // B's learned model: "bravoword" means the category "bravo-only" (A must never be told so).
      await db.triageModel.create({
        data: {
          tenantId: b.id, field: "category", language: "simple", trainedAt: now, examples: 40, heldOut: 10, correct: 9, vocabulary: 2,
          labels: [{ value: "bravo-only", cases: 30, words: 60 }, { value: "other", cases: 10, words: 20 }], calibration: [],
        },
      });
      await db.triageModelTerm.create({ data: { tenantId: b.id, field: "category", lexeme: "bravoword", label: "bravo-only", count: 60 } });
      return run.id;
    }),
  };
}
