// Undo: the UI takes an action back through the same procedures, naming the version the action
// left. A status change is taken back with `revert` (the one step back the machine may not offer);
// a bulk change reports each case's new version so each can be taken back.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  tenant = await createTestTenant("undo");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});

const rowOf = (id: string) =>
  withPrivilegedDb("test check", (db) =>
    db.case.findFirstOrThrow({ where: { id, tenantId: tenant.id }, select: { status: true, version: true, resolvedAt: true, closedAt: true, snoozedUntil: true } }),
  );

describe("undo of a status change (cases.transition with revert)", () => {
  it("takes a NEW case's resolve back to NEW, clearing the resolution, and says so in the timeline", async () => {
    const [c] = await createTestCases(tenant, ["Undo me"]);
    const before = await rowOf(c!.id);
    expect(before.status).toBe("NEW");
    const resolved = await agent.cases.transition({ id: c!.id, to: "RESOLVED", version: before.version });
    // RESOLVED → NEW is no transition the machine offers; as the undo of the last change it is allowed.
    await expectAppError(agent.cases.transition({ id: c!.id, to: "NEW", version: resolved.version }), "BAD_REQUEST", "TRANSITION_REFUSED");
    const undone = await agent.cases.transition({ id: c!.id, to: "NEW", version: resolved.version, revert: true });
    expect(undone).toMatchObject({ status: "NEW", version: resolved.version + 1 });
    expect(await rowOf(c!.id)).toMatchObject({ status: "NEW", resolvedAt: null });
    const last = (await agent.cases.timeline({ caseId: c!.id, order: "desc", limit: 1 })).items[0] as { from: unknown; to: Record<string, unknown> };
    expect(last).toMatchObject({ from: "RESOLVED", to: { status: "NEW", undo: true } });
  });

  it("puts a snoozed case back to sleep until the same time, and a closed one back to resolved", async () => {
    const [snoozed, closed] = await createTestCases(tenant, ["Snoozed one", "Closed one"]);
    const until = new Date(Date.now() + 86_400_000);
    let s = await agent.cases.transition({ id: snoozed!.id, to: "SNOOZED", until });
    s = await agent.cases.transition({ id: snoozed!.id, to: "RESOLVED", version: s.version });
    await agent.cases.transition({ id: snoozed!.id, to: "SNOOZED", until, version: s.version, revert: true });
    expect(await rowOf(snoozed!.id)).toMatchObject({ status: "SNOOZED", snoozedUntil: until, resolvedAt: null });

    let c = await agent.cases.transition({ id: closed!.id, to: "RESOLVED" });
    const resolvedAt = (await rowOf(closed!.id)).resolvedAt;
    c = await agent.cases.transition({ id: closed!.id, to: "CLOSED", version: c.version });
    await agent.cases.transition({ id: closed!.id, to: "RESOLVED", version: c.version, revert: true });
    expect(await rowOf(closed!.id)).toMatchObject({ status: "RESOLVED", closedAt: null, resolvedAt });
  });

  it("undoing a reopen restores the resolution time the reopen cleared", async () => {
    const [c] = await createTestCases(tenant, ["Undo me"]);
    let d = await agent.cases.transition({ id: c!.id, to: "RESOLVED" });
    const resolvedAt = (await rowOf(c!.id)).resolvedAt;
    d = await agent.cases.transition({ id: c!.id, to: "OPEN", version: d.version });
    expect((await rowOf(c!.id)).resolvedAt).toBeNull();
    await agent.cases.transition({ id: c!.id, to: "RESOLVED", version: d.version, revert: true });
    expect(await rowOf(c!.id)).toMatchObject({ status: "RESOLVED", resolvedAt });
  });

  it("refuses when the case changed since (CONFLICT), or when the change named is not its last one", async () => {
    const [c] = await createTestCases(tenant, ["Undo me"]);
    const resolved = await agent.cases.transition({ id: c!.id, to: "RESOLVED" });
    // Someone else edited it after the resolve: the undo names a stale version.
    await agent.cases.update({ id: c!.id, version: resolved.version, priority: "HIGH" });
    await expectAppError(agent.cases.transition({ id: c!.id, to: "NEW", version: resolved.version, revert: true }), "CONFLICT");
    expect((await rowOf(c!.id)).status).toBe("RESOLVED");
    // At the current version, but its last status change came from NEW, not from OPEN.
    const now = await rowOf(c!.id);
    await expectAppError(agent.cases.transition({ id: c!.id, to: "OPEN", version: now.version, revert: true }), "CONFLICT", "NOT_THE_LAST_CHANGE");
    expect((await rowOf(c!.id)).status).toBe("RESOLVED");
  });

  it("a viewer cannot undo, and another tenant's case is NOT_FOUND", async () => {
    const [c] = await createTestCases(tenant, ["Undo me"]);
    const resolved = await agent.cases.transition({ id: c!.id, to: "RESOLVED" });
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.cases.transition({ id: c!.id, to: "NEW", version: resolved.version, revert: true }), "FORBIDDEN");
    const other = await createTestTenant("undo-other");
    const outsider = await callerFor(other.users.AGENT, other.slug);
    await expectAppError(outsider.cases.transition({ id: c!.id, to: "NEW", version: resolved.version, revert: true }), "NOT_FOUND");
    expect((await rowOf(c!.id)).status).toBe("RESOLVED");
  });
});

describe("bulk update reports what it changed", () => {
  it("gives each changed case's new version, and none for cases left as they were", async () => {
    const [a, b, done] = await createTestCases(tenant, ["Bulk a", "Bulk b", "Already done"]);
    await agent.cases.transition({ id: done!.id, to: "RESOLVED" });
    const result = await agent.cases.bulkUpdate({ target: { ids: [a!.id, b!.id, done!.id] }, status: { to: "RESOLVED" } });
    if (result.status !== "done") throw new Error("expected an inline bulk update");
    expect(result.updated).toBe(2);
    const versions = await Promise.all([a!, b!].map((c) => rowOf(c.id).then((r) => ({ id: c.id, version: r.version }))));
    expect([...result.changed].sort((x, y) => x.id.localeCompare(y.id))).toEqual(versions.sort((x, y) => x.id.localeCompare(y.id)));
    // Each can be taken back at that version.
    for (const { id, version } of result.changed) await agent.cases.transition({ id, to: "NEW", version, revert: true });
    expect((await rowOf(a!.id)).status).toBe("NEW");
  });
});
