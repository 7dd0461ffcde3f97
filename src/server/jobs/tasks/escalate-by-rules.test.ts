import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createEscalationRows, createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestTenant, setTenantStatus, type TestTenant } from "@/test/factories";
import { enqueue } from "../queue";
import { readJob, runOnly } from "../test-kit";
import { escalateByRulesForTenantJob, escalateByRulesJob } from "./escalate-by-rules";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

let a: TestTenant;
let b: TestTenant;
let suspended: TestTenant;

/** A case created `age` minutes ago, as an import or a channel would leave it. */
async function caseOf(tenant: TestTenant, title: string, age: number, data: { priority?: "URGENT" | "HIGH"; assigneeId?: string; status?: "RESOLVED" | "OPEN" } = {}) {
  return withPrivilegedDb("test fixture", (db) =>
    db.case.create({ data: { tenantId: tenant.id, title, priority: data.priority ?? "URGENT", createdAt: minutesAgo(age), ...data }, select: { id: true, version: true } }),
  );
}

const read = (id: string) =>
  withPrivilegedDb("test check", (db) => db.case.findFirstOrThrow({ where: { id }, select: { escalationLevel: true, teamId: true, version: true } }));

async function runFor(tenant: TestTenant) {
  const id = await enqueue(escalateByRulesForTenantJob, {}, { tenantId: tenant.id });
  await runOnly([escalateByRulesForTenantJob.type]);
  return readJob(id);
}

beforeAll(async () => {
  [a, b, suspended] = await Promise.all([createTestTenant("rules-a"), createTestTenant("rules-b"), createTestTenant("rules-s")]);
});

describe("escalation rules job", () => {
  it("escalates exactly the open, unassigned, never-escalated cases of the rule's priority past its minutes, once; other tenants untouched", async () => {
    const { teamId } = await createEscalationRows(a); // URGENT unassigned 15 minutes → Tier 2, the team with A's agent
    const due = await caseOf(a, "Urgent, waiting 20 minutes", 20);
    const young = await caseOf(a, "Urgent, waiting 5 minutes", 5);
    const high = await caseOf(a, "High, waiting an hour", 60, { priority: "HIGH" });
    const assigned = await caseOf(a, "Urgent but assigned", 60, { assigneeId: a.users.AGENT.id });
    const resolved = await caseOf(a, "Urgent but resolved", 60, { status: "RESOLVED" });
    await createEscalationRows(b);
    const bDue = await caseOf(b, "B's urgent case", 60);

    const first = await runFor(a);
    expect(first.status).toBe("SUCCEEDED");
    expect(first.result).toEqual({ escalated: 1, more: false });
    expect(await read(due.id)).toEqual({ escalationLevel: "Tier 2", teamId, version: due.version + 1 });
    for (const c of [young, high, assigned, resolved]) expect(await read(c.id)).toMatchObject({ escalationLevel: null, version: c.version });
    expect(await read(bDue.id)).toMatchObject({ escalationLevel: null, version: bDue.version });

    const agent = await callerFor(a.users.AGENT, a.slug);
    const events = (await agent.cases.timeline({ caseId: due.id })).items.flatMap((i) => (i.type === "event" ? [i] : []));
    expect(events).toMatchObject([{ event: "escalated", actor: { type: "system", id: `job:${escalateByRulesForTenantJob.type}` }, to: { level: "Tier 2", team: { id: teamId } } }]);
    expect((await agent.notifications.list()).items.map((n) => [n.type, n.case?.id])).toEqual([["escalated", due.id]]);

    // Run again: nothing changes, nobody is told twice.
    const second = await runFor(a);
    expect(second.result).toEqual({ escalated: 0, more: false });
    expect(await read(due.id)).toMatchObject({ version: due.version + 1 });
    expect((await agent.notifications.list()).items).toHaveLength(1);
  });

  it("does not escalate again a case a member de-escalated", async () => {
    const tenant = await createTestTenant("rules-de");
    await createEscalationRows(tenant);
    const c = await caseOf(tenant, "Escalated, then calmed", 30);
    await runFor(tenant);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.cases.deescalate({ id: c.id, reason: "Handled" });
    expect((await runFor(tenant)).result).toEqual({ escalated: 0, more: false });
    expect((await read(c.id)).escalationLevel).toBeNull();
  });

  it("a rule without a team tells the admins; a disabled rule does nothing", async () => {
    const tenant = await createTestTenant("rules-noteam");
    const teamId = await createTestTeam(tenant, "Unused", []);
    const [anyPriority] = await withPrivilegedDb("test fixture", (db) =>
      Promise.all([
        db.escalationRule.create({ data: { tenantId: tenant.id, name: "Anything after an hour", unassignedMinutes: 60, level: "Management" } }),
        db.escalationRule.create({ data: { tenantId: tenant.id, name: "Off", unassignedMinutes: 1, level: "Tier 2", teamId, enabled: false } }),
      ]),
    );
    const old = await caseOf(tenant, "Two hours, high", 120, { priority: "HIGH" });
    const recent = await caseOf(tenant, "Ten minutes", 10);
    expect((await runFor(tenant)).result).toEqual({ escalated: 1, more: false });
    expect(await read(old.id)).toMatchObject({ escalationLevel: "Management", teamId: null });
    expect((await read(recent.id)).escalationLevel).toBeNull();
    const inbox = await (await callerFor(tenant.users.OWNER, tenant.slug)).notifications.list();
    expect(inbox.items.map((n) => [n.type, n.case?.id, n.note])).toEqual([["escalated", old.id, expect.stringContaining(anyPriority.name)]]);
  });

  it("the recurring task fans out to active tenants with enabled rules only", async () => {
    await createEscalationRows(suspended);
    await setTenantStatus(suspended, "SUSPENDED");
    const id = await enqueue(escalateByRulesJob, {});
    await runOnly([escalateByRulesJob.type]);
    expect((await readJob(id)).status).toBe("SUCCEEDED");
    const fanned = await withPrivilegedDb("test check", (db) =>
      db.job.findMany({ where: { type: escalateByRulesForTenantJob.type, status: "PENDING" }, select: { tenantId: true } }),
    );
    expect(fanned.map((j) => j.tenantId)).toContain(b.id);
    expect(fanned.map((j) => j.tenantId)).not.toContain(suspended.id);
    // Enqueued again while those wait: still one per tenant.
    await enqueue(escalateByRulesJob, {});
    await runOnly([escalateByRulesJob.type]);
    const again = await withPrivilegedDb("test check", (db) =>
      db.job.count({ where: { type: escalateByRulesForTenantJob.type, status: "PENDING", tenantId: b.id } }),
    );
    expect(again).toBe(1);
    await runOnly([escalateByRulesForTenantJob.type]);
  });
});
