// The SLA_BREACHES measure on a real database: due times that came unmet in the window count,
// unless they came while the case's SLA clocks were paused (PENDING/SNOOZED since before them);
// a first response is met by resolving the case in time, reply or not.
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant } from "@/test/factories";
import { slaBreaches } from "./sla-breaches";

const MINUTE = 60_000;
const at = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const ago = (minutes: number) => new Date(at.getTime() - minutes * MINUTE);
const params = { threshold: 1, windowMinutes: 60 };

type CaseRow = Omit<Prisma.CaseCreateManyInput, "tenantId">;

async function measure(rows: CaseRow[]) {
  const tenant = await createTestTenant("sla-breach-kind");
  await withPrivilegedDb("test fixture", (db) => db.case.createMany({ data: rows.map((r) => ({ ...r, tenantId: tenant.id })) }));
  const [reading] = await withTenantDb(tenant.id, (db) => slaBreaches.measure(db, params, [at], { live: true, since: null }));
  return reading!.value;
}

describe("SLA_BREACHES and paused clocks", () => {
  it("leaves out due times that came while the case was paused, and counts those that came before the pause", async () => {
    expect(
      await measure([
        { title: "Paused before its due time", status: "PENDING", slaPausedAt: ago(30), resolutionDueAt: ago(10) },
        { title: "Snoozed before its first response was due", status: "SNOOZED", slaPausedAt: ago(50), firstResponseDueAt: ago(20), snoozedUntil: ago(-60) },
        { title: "Due at the pause's start: paused, not breached", status: "PENDING", slaPausedAt: ago(20), resolutionDueAt: ago(20) },
      ]),
    ).toBe(0);
    expect(
      await measure([
        { title: "Breached, then paused", status: "PENDING", slaPausedAt: ago(5), resolutionDueAt: ago(10) },
        { title: "Running and breached", status: "OPEN", firstResponseDueAt: ago(15) },
        { title: "Paused before, but this one is not", status: "PENDING", slaPausedAt: ago(30), resolutionDueAt: ago(10) },
      ]),
    ).toBe(2);
  });

  it("a first response is met by resolving before its due time, missed by resolving after it", async () => {
    expect(
      await measure([
        { title: "Resolved in time, no reply", status: "RESOLVED", resolvedAt: ago(30), firstResponseDueAt: ago(20) },
        { title: "Resolved late, no reply", status: "RESOLVED", resolvedAt: ago(5), firstResponseDueAt: ago(20) },
      ]),
    ).toBe(1);
  });
});
