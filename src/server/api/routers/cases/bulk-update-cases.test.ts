// Bulk actions on every case matching a filter, over more cases than one batch holds (and than
// a request runs itself): the counts are exact, refused transitions are reported and leave their
// cases untouched, and nothing outside the filter changes.
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseStatus } from "@/lib/validations/case";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { runDueJobs } from "@/server/jobs";
import { BULK_BATCH_SIZE, BULK_INLINE_LIMIT } from "@/server/services/cases/bulk-update";
import { BULK_UPDATE_CASES_JOB } from "@/server/services/cases/bulk-update-job";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

/** More than the inline limit (so it runs as a job) and more than two batches. */
const COUNT = Math.max(2 * BULK_BATCH_SIZE, BULK_INLINE_LIMIT) + 200;
const statusOf = (i: number): CaseStatus => (i % 10 === 0 ? "NEW" : i % 10 === 1 ? "CLOSED" : i % 10 === 2 ? "RESOLVED" : "OPEN");

let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;

const countBy = (status: CaseStatus) => Array.from({ length: COUNT }, (_, i) => statusOf(i)).filter((s) => s === status).length;

beforeAll(async () => {
  tenant = await createTestTenant("bulk");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  await withPrivilegedDb("test fixture", (db) =>
    db.case.createMany({
      data: [
        ...Array.from({ length: COUNT }, (_, i) => ({ tenantId: tenant.id, title: `Bulk ${i}`, status: statusOf(i), tags: ["campaign"] })),
        ...Array.from({ length: 5 }, (_, i) => ({ tenantId: tenant.id, title: `Bystander ${i}`, status: "OPEN" as const, tags: ["other"] })),
      ],
    }),
  );
});

const snapshotCases = () =>
  withPrivilegedDb("test check", (db) =>
    db.case.findMany({ where: { tenantId: tenant.id }, select: { id: true, title: true, status: true, tags: true, version: true, resolvedAt: true, assigneeId: true } }),
  );

describe("bulk update on a filter", () => {
  it("over the inline limit: runs as a job, in batches, reporting refused transitions exactly", async () => {
    const before = await snapshotCases();
    const queued = await agent.cases.bulkUpdate({ target: { filter: { tag: "campaign" } }, status: { to: "RESOLVED" }, addTags: ["handled"] });
    expect(queued).toEqual({ status: "queued", jobId: expect.any(String), matched: COUNT });
    // Nothing changed yet: the request only enqueued the work.
    expect(await snapshotCases()).toEqual(before);

    await runDueJobs({ types: [BULK_UPDATE_CASES_JOB], recurring: false, budgetMs: 60_000 });
    const job = await withPrivilegedDb("test check", (db) => db.job.findUniqueOrThrow({ where: { id: (queued as { jobId: string }).jobId } }));
    // NEW → RESOLVED is allowed (a case may be resolved without being opened); CLOSED is final.
    const refused = countBy("CLOSED");
    expect({ status: job.status, result: job.result }).toEqual({
      status: "SUCCEEDED",
      result: {
        matched: COUNT,
        updated: COUNT - refused,
        skipped: refused,
        skippedReasons: { refusedTransition: refused, unchanged: 0 },
        refusedByStatus: { CLOSED: countBy("CLOSED") },
      },
    });

    const after = new Map((await snapshotCases()).map((c) => [c.id, c]));
    for (const old of before) {
      const now = after.get(old.id)!;
      if (old.title.startsWith("Bystander") || old.status === "CLOSED") {
        expect(now, old.title).toEqual(old);
      } else {
        expect(now).toMatchObject({ status: "RESOLVED", tags: ["campaign", "handled"], version: old.version + 1 });
        if (old.status === "OPEN" || old.status === "NEW") expect(now.resolvedAt).toBeInstanceOf(Date);
      }
    }
    const events = await withPrivilegedDb("test check", (db) =>
      db.caseEvent.groupBy({ by: ["type", "actorId"], where: { tenantId: tenant.id }, _count: { _all: true }, orderBy: { type: "asc" } }),
    );
    // Recorded as the agent's doing, not the job runner's.
    expect(events.map((e) => [e.type, e.actorId, e._count._all])).toEqual([
      ["status_changed", tenant.users.AGENT.id, countBy("OPEN") + countBy("NEW")],
      ["tags_changed", tenant.users.AGENT.id, COUNT - refused],
    ]);
    const audit = await withPrivilegedDb("test check", (db) => db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "case.bulk_updated" } }));
    expect(audit).toMatchObject({ actorType: "user", actorId: tenant.users.AGENT.id, diff: { matched: COUNT, updated: COUNT - refused } });
  });

  it("within the limit: runs in the request and answers with the counts", async () => {
    // A closed case cannot become resolved (nor change at all).
    const result = await agent.cases.bulkUpdate({
      target: { filter: { tag: "campaign", status: ["CLOSED"] } },
      status: { to: "RESOLVED" },
      addTags: ["handled"],
    });
    const refused = countBy("CLOSED");
    expect(result).toEqual({
      status: "done",
      matched: refused,
      updated: 0,
      skipped: refused,
      // Nothing changed, so nothing for an undo to name.
      changed: [],
      skippedReasons: { refusedTransition: refused, unchanged: 0 },
      refusedByStatus: { CLOSED: countBy("CLOSED") },
    });
  });

  it("on a selection: assigns, sets priority and removes tags; closed cases refuse any change", async () => {
    const picked = (await snapshotCases()).filter((c) => c.title.startsWith("Bulk ")).slice(0, 10);
    const closed = picked.filter((c) => c.status === "CLOSED").length;
    const result = await agent.cases.bulkUpdate({ target: { ids: picked.map((c) => c.id) }, assigneeId: "me", priority: "HIGH", removeTags: ["handled"] });
    expect(result).toMatchObject({ status: "done", matched: 10, updated: 10 - closed, skippedReasons: { refusedTransition: closed } });
    const rows = await withPrivilegedDb("test check", (db) =>
      db.case.findMany({ where: { id: { in: picked.map((c) => c.id) } }, select: { status: true, priority: true, assigneeId: true, resolutionDueAt: true, tags: true } }),
    );
    for (const row of rows.filter((r) => r.status !== "CLOSED")) {
      expect(row).toMatchObject({ priority: "HIGH", assigneeId: tenant.users.AGENT.id, tags: ["campaign"] });
      expect(row.resolutionDueAt).toBeInstanceOf(Date);
    }
  });

  it("on a selection: moves cases into a team and out again, with the team's name on each timeline", async () => {
    const picked = (await snapshotCases()).filter((c) => c.title.startsWith("Bystander ")).slice(0, 3);
    const ids = picked.map((c) => c.id);
    const teamId = await createTestTeam(tenant, "Bulk team", []);
    expect(await agent.cases.bulkUpdate({ target: { ids }, teamId })).toMatchObject({ status: "done", updated: 3 });
    // Already there: nothing to change.
    expect(await agent.cases.bulkUpdate({ target: { ids }, teamId })).toMatchObject({ updated: 0, skippedReasons: { unchanged: 3 } });
    expect(await agent.cases.bulkUpdate({ target: { ids }, teamId: null })).toMatchObject({ updated: 3 });
    const events = await withPrivilegedDb("test check", (db) =>
      db.caseEvent.findMany({ where: { caseId: ids[0], type: "team_changed" }, orderBy: { createdAt: "asc" }, select: { from: true, to: true } }),
    );
    const name = events[0]!.to as { id: string; name: string };
    expect(name.id).toBe(teamId);
    expect(name.name).toMatch(/^Bulk team/);
    expect(events).toEqual([
      { from: null, to: name },
      { from: name, to: null },
    ]);
    await expectAppError(agent.cases.bulkUpdate({ target: { ids }, teamId: "0196f7a0-0000-7000-8000-000000000000" }), "NOT_FOUND");
  });

  it("on a selection: tells the new assignee once per case, and nobody when members take cases themselves", async () => {
    const picked = (await snapshotCases()).filter((c) => c.title.startsWith("Bystander ")).slice(3, 5);
    const ids = picked.map((c) => c.id);
    const adminId = tenant.users.ADMIN.id;
    const notified = () =>
      withPrivilegedDb("test check", (db) => db.notification.count({ where: { tenantId: tenant.id, type: "assigned", caseId: { in: ids } } }));
    await agent.cases.bulkUpdate({ target: { ids }, assigneeId: "me" });
    expect(await notified()).toBe(0);
    await agent.cases.bulkUpdate({ target: { ids }, assigneeId: adminId });
    const rows = await withPrivilegedDb("test check", (db) =>
      db.notification.findMany({ where: { tenantId: tenant.id, type: "assigned", caseId: { in: ids } }, select: { userId: true, caseId: true, actorId: true } }),
    );
    expect(rows.map((r) => r.caseId).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.userId === adminId && r.actorId === tenant.users.AGENT.id)).toBe(true);
    // Already theirs: no second notification.
    await agent.cases.bulkUpdate({ target: { ids }, assigneeId: adminId });
    expect(await notified()).toBe(2);
  });

  it("validates the action: a change is required, snoozing needs a future time, assignees must be members", async () => {
    await expectAppError(agent.cases.bulkUpdate({ target: { filter: {} } } as never), "BAD_REQUEST");
    await expectAppError(agent.cases.bulkUpdate({ target: { filter: {} }, status: { to: "SNOOZED" } }), "BAD_REQUEST");
    const other = await createTestTenant("bulk-other");
    await expectAppError(agent.cases.bulkUpdate({ target: { filter: {} }, assigneeId: other.users.AGENT.id }), "NOT_FOUND");
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.cases.bulkUpdate({ target: { filter: {} }, priority: "LOW" }), "FORBIDDEN");
  });
});
