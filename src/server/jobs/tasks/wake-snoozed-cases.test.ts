import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestTenant, setTenantStatus, type TestTenant } from "@/test/factories";
import { enqueue } from "../queue";
import { readJob, runOnly } from "../test-kit";
import { wakeSnoozedCasesForTenantJob, wakeSnoozedCasesJob } from "./wake-snoozed-cases";

const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000);

let a: TestTenant;
let b: TestTenant;
let suspended: TestTenant;

/** A case snoozed until `until`, assigned to the tenant's agent. */
async function snoozed(tenant: TestTenant, title: string, until: Date) {
  return withPrivilegedDb("test fixture", (db) =>
    db.case.create({
      data: { tenantId: tenant.id, title, status: "SNOOZED", snoozedUntil: until, assigneeId: tenant.users.AGENT.id },
      select: { id: true, version: true },
    }),
  );
}

const read = (id: string) =>
  withPrivilegedDb("test check", (db) => db.case.findFirstOrThrow({ where: { id }, select: { status: true, snoozedUntil: true, version: true } }));

beforeAll(async () => {
  [a, b, suspended] = await Promise.all([createTestTenant("wake-a"), createTestTenant("wake-b"), createTestTenant("wake-s")]);
});

describe("waking snoozed cases", () => {
  it("reopens a case past its snooze as the tenant, with a system event and a notification; leaves not-yet-due cases and other tenants alone", async () => {
    const due = await snoozed(a, "Call back on Monday", minutesFromNow(-3));
    const later = await snoozed(a, "Check again next week", minutesFromNow(60));
    const otherTenant = await snoozed(b, "B's due case", minutesFromNow(-3));

    const id = await enqueue(wakeSnoozedCasesForTenantJob, {}, { tenantId: a.id });
    await runOnly([wakeSnoozedCasesForTenantJob.type]);
    expect((await readJob(id)).status).toBe("SUCCEEDED");
    expect((await readJob(id)).result).toEqual({ woken: 1, more: false });

    expect(await read(due.id)).toEqual({ status: "OPEN", snoozedUntil: null, version: due.version + 1 });
    expect(await read(later.id)).toMatchObject({ status: "SNOOZED", version: later.version });
    expect(await read(otherTenant.id)).toMatchObject({ status: "SNOOZED", version: otherTenant.version });

    const agent = await callerFor(a.users.AGENT, a.slug);
    const timeline = await agent.cases.timeline({ caseId: due.id });
    const event = timeline.items.find((i) => i.type === "event" && i.event === "status_changed");
    expect(event).toMatchObject({ actor: { type: "system", id: `job:${wakeSnoozedCasesForTenantJob.type}` }, from: "SNOOZED", to: { status: "OPEN", reason: "snooze_ended" } });
    const inbox = await agent.notifications.list({ unreadOnly: true });
    expect(inbox.items.map((n) => [n.type, n.case?.id])).toEqual([["snooze_ended", due.id]]);
    // Nobody else in the tenant is told.
    expect((await (await callerFor(a.users.ADMIN, a.slug)).notifications.list()).items).toEqual([]);
  });

  it("the recurring task fans out to each active tenant with due cases, and skips suspended tenants", async () => {
    const dueB = await snoozed(b, "B's other due case", minutesFromNow(-1));
    const dueSuspended = await snoozed(suspended, "Suspended tenant's case", minutesFromNow(-10));
    await setTenantStatus(suspended, "SUSPENDED");

    const id = await enqueue(wakeSnoozedCasesJob, {});
    await runOnly([wakeSnoozedCasesJob.type]);
    expect((await readJob(id)).status).toBe("SUCCEEDED");
    const fanned = await withPrivilegedDb("test check", (db) =>
      db.job.findMany({ where: { type: wakeSnoozedCasesForTenantJob.type, status: "PENDING" }, select: { tenantId: true } }),
    );
    expect(fanned.map((j) => j.tenantId)).toContain(b.id);
    expect(fanned.map((j) => j.tenantId)).not.toContain(suspended.id);

    await runOnly([wakeSnoozedCasesForTenantJob.type]);
    expect((await read(dueB.id)).status).toBe("OPEN");
    expect((await read(dueSuspended.id)).status).toBe("SNOOZED");
  });
});
