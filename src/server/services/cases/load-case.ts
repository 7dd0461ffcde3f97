// Reading one case as the detail view shows it, and the guards other services start with.
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import { caseDetailSelect, toCaseDetail, type CaseDetail } from "./case-select";

export async function caseFollowers(db: TenantDb, caseId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.caseFollower.findMany({ where: { caseId }, select: { userId: true }, orderBy: { createdAt: "asc" } });
  if (rows.length === 0) return [];
  // users are visible to a tenant only when they are its members (RLS), so a former member drops out.
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.flatMap((r) => byId.get(r.userId) ?? []);
}

export async function findCaseDetail(
  db: TenantDb,
  where: { id: string } | { number: number },
  caller: Caller,
): Promise<CaseDetail | null> {
  const row = await db.case.findFirst({ where, select: caseDetailSelect });
  if (!row) return null;
  const followers = await caseFollowers(db, row.id);
  return toCaseDetail(row, { followers, viewerId: caller.userId, canReadPii: caller.canReadPii });
}

export async function loadCaseDetail(db: TenantDb, where: { id: string } | { number: number }, caller: Caller): Promise<CaseDetail> {
  const found = await findCaseDetail(db, where, caller);
  if (!found) throw notFound("Case");
  return found;
}
