// The status machine, table-driven from CASE_TRANSITIONS itself: every (from, to) pair is tried
// through cases.transition, so a change to the machine is tested without editing this file.
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_TRANSITIONS, allowedTransitions } from "@/lib/case-status";
import { CASE_STATUSES, type CaseStatus } from "@/lib/validations/case";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
let caseId: string;

/** Puts the case into `status` directly, as if it had got there by earlier transitions. */
async function forceStatus(status: CaseStatus) {
  await withPrivilegedDb("test fixture", (db) =>
    db.case.updateMany({
      where: { id: caseId },
      data: {
        status,
        snoozedUntil: status === "SNOOZED" ? new Date(Date.now() + 3_600_000) : null,
        resolvedAt: null,
        closedAt: null,
        firstRespondedAt: null,
        slaPausedAt: status === "PENDING" || status === "SNOOZED" ? new Date() : null,
      },
    }),
  );
}

const future = () => new Date(Date.now() + 86_400_000);
const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to, CASE_TRANSITIONS[from].includes(to)] as const));

beforeAll(async () => {
  tenant = await createTestTenant("machine");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  caseId = (await createTestCases(tenant, ["Machine under test"]))[0]!.id;
});

describe("status machine", () => {
  it("defines the documented workflow; CLOSED is final", () => {
    expect(allowedTransitions("NEW")).toEqual(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]);
    expect(allowedTransitions("PENDING")).toEqual(["OPEN", "SNOOZED", "RESOLVED"]);
    expect(allowedTransitions("RESOLVED")).toEqual(["CLOSED", "OPEN"]);
    expect(allowedTransitions("CLOSED")).toEqual([]);
    expect(pairs.filter(([, , ok]) => ok)).toHaveLength(14);
    // CLOSED only from RESOLVED (merging aside).
    expect(pairs.filter(([, to, ok]) => ok && to === "CLOSED").map(([from]) => from)).toEqual(["RESOLVED"]);
  });

  it.each(pairs.filter(([, , ok]) => ok).map(([from, to]) => [from, to]))("%s → %s is allowed and recorded", async (from, to) => {
    await forceStatus(from);
    const before = await agent.cases.get({ id: caseId });
    const after = await agent.cases.transition({ id: caseId, to, version: before.version, ...(to === "SNOOZED" ? { until: future() } : {}) });
    expect(after.status).toBe(to);
    expect(after.version).toBe(before.version + 1);
    if (to === "RESOLVED") {
      expect(after.resolvedAt).toBeInstanceOf(Date);
      expect(after.resolutionMs).toBeGreaterThanOrEqual(0);
    }
    if (to === "CLOSED") expect(after.closedAt).toBeInstanceOf(Date);
    if (to === "SNOOZED") expect(after.snoozedUntil).toBeInstanceOf(Date);
    else expect(after.snoozedUntil).toBeNull();
    if (from === "RESOLVED" && to === "OPEN") expect(after.resolvedAt).toBeNull();
    // A transition is never a first response; the SLA pause is set exactly in PENDING and SNOOZED.
    expect(after.firstRespondedAt).toBeNull();
    if (to === "PENDING" || to === "SNOOZED") {
      expect(after.slaPausedAt).toBeInstanceOf(Date);
      if (from === "PENDING") expect(after.slaPausedAt).toEqual(before.slaPausedAt);
    } else expect(after.slaPausedAt).toBeNull();
    const timeline = await agent.cases.timeline({ caseId, order: "desc", limit: 1 });
    expect(timeline.items[0]).toMatchObject({ type: "event", event: "status_changed", from, to: expect.objectContaining({ status: to }) });
  });

  it.each(pairs.filter(([, , ok]) => !ok).map(([from, to]) => [from, to]))("%s → %s is refused with BAD_REQUEST, nothing changes", async (from, to) => {
    await forceStatus(from);
    const before = await agent.cases.get({ id: caseId });
    const error = await expectAppError(
      agent.cases.transition({ id: caseId, to, ...(to === "SNOOZED" ? { until: future() } : {}) }),
      "BAD_REQUEST",
      "TRANSITION_REFUSED",
    );
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.details).toMatchObject({ from, to, allowed: [...CASE_TRANSITIONS[from]] });
    expect(await agent.cases.get({ id: caseId })).toEqual(before);
  });

  it("snoozing needs a time in the future", async () => {
    await forceStatus("OPEN");
    await expectAppError(agent.cases.transition({ id: caseId, to: "SNOOZED" }), "BAD_REQUEST");
    const error = await expectAppError(agent.cases.transition({ id: caseId, to: "SNOOZED", until: new Date(Date.now() - 1000) }), "BAD_REQUEST");
    expect(error.details?.fieldErrors).toEqual({ until: [expect.stringMatching(/future/)] });
  });

  it("a stale version is a CONFLICT carrying the current case", async () => {
    await forceStatus("OPEN");
    const read = await agent.cases.get({ id: caseId });
    await agent.cases.transition({ id: caseId, to: "PENDING", version: read.version });
    const error = await expectAppError(agent.cases.transition({ id: caseId, to: "RESOLVED", version: read.version }), "CONFLICT");
    expect(error.details?.current).toMatchObject({ id: caseId, status: "PENDING", version: read.version + 1 });
  });

  it("viewers cannot change status", async () => {
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.cases.transition({ id: caseId, to: "OPEN" }), "FORBIDDEN", "PERMISSION_DENIED");
  });
});
