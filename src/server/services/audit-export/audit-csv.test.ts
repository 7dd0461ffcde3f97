// The audit CSV export end to end on the real database: authorised and recorded by its procedure,
// paged through audit.list, formula-like cells neutralised.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { AUDIT_CSV_COLUMNS, auditCsvStream } from "./audit-csv";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTestTenant("audit-csv");
  await createTestCases(tenant, ["One", "Two", "Three"]);
  // A member whose name a spreadsheet would run as a formula.
  await withPrivilegedDb("test fixture", (db) => db.user.update({ where: { id: tenant.users.OWNER.id }, data: { name: "=HYPERLINK(\"http://evil\")" } }));
});

async function csvOf(filter: { action?: string }, pageSize: number) {
  const api = await callerFor(tenant.users.OWNER, tenant.slug);
  const members = await api.members.list();
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const stream = auditCsvStream((cursor) => api.audit.list({ ...filter, limit: pageSize, cursor }), names);
  return parse(await new Response(stream).text(), { columns: true }) as Record<string, string>[];
}

describe("audit CSV export", () => {
  it("holds exactly the filtered events, across pages, newest first", async () => {
    const expected = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, action: { startsWith: "case." } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const rows = await csvOf({ action: "case." }, 2);
    expect(Object.keys(rows[0]!)).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.map((r) => [r.time, r.action, r.target_id])).toEqual(expected.map((e) => [e.createdAt.toISOString(), e.action, e.targetId ?? ""]));
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const rows = await csvOf({ action: "case." }, 50);
    const byOwner = rows.filter((r) => r.actor_id === tenant.users.OWNER.id);
    expect(byOwner.length).toBeGreaterThan(0);
    for (const r of byOwner) expect(r.actor_name).toBe("'=HYPERLINK(\"http://evil\")");
  });

  it("is recorded in the audit log, and refused to roles without audit:read", async () => {
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    await owner.audit.recordExport({ action: "case." });
    const recorded = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findFirst({ where: { tenantId: tenant.id, action: "audit.exported" }, orderBy: { seq: "desc" } }),
    );
    expect(recorded).toMatchObject({ actorId: tenant.users.OWNER.id, diff: { filter: { action: "case." } } });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.audit.recordExport({}), "FORBIDDEN");
  });
});
