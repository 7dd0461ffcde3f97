// Optimistic concurrency for cases: a write names the version it was based on, and applies only
// if the row still has it (UPDATE … WHERE id AND version, then version + 1). Otherwise the
// caller gets CONFLICT with the case as it now is, so the UI can show what changed instead of
// overwriting it.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import { findCaseDetail } from "./load-case";

export async function staleCaseConflict(db: TenantDb, id: string, caller: Caller): Promise<AppError> {
  const current = await findCaseDetail(db, { id }, caller);
  if (!current) return notFound("Case");
  return new AppError("CONFLICT", `Case #${current.number} was changed by someone else meanwhile; review the current version`, {
    reason: "STALE_VERSION",
    current,
  });
}

export async function updateCaseAtVersion(
  db: TenantDb,
  caller: Caller,
  id: string,
  version: number,
  data: Prisma.CaseUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await db.case.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await staleCaseConflict(db, id, caller);
}
