// Optimistic concurrency for alerts, as for cases: a write applies only at the version it was
// based on (UPDATE … WHERE id AND version, then version + 1); otherwise CONFLICT with the alert
// as it now is, so a page can show what changed instead of overwriting it.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { findAlert } from "./alert-select";

export async function staleAlertConflict(db: TenantDb, id: string): Promise<AppError> {
  const current = await findAlert(db, id);
  if (!current) return notFound("Alert");
  return new AppError("CONFLICT", "The alert was changed by someone else meanwhile; review the current version", { reason: "STALE_VERSION", current });
}

const writeSelect = {
  status: true,
  version: true,
  assigneeId: true,
  teamId: true,
  title: true,
  description: true,
  severity: true,
  businessUnit: true,
  labels: true,
  relatedCaseIds: true,
} satisfies Prisma.AlertSelect;
export type AlertForWrite = Prisma.AlertGetPayload<{ select: typeof writeSelect }>;

/** The alert as a write starts from, or NOT_FOUND; a `version` the caller names must still be current. */
export async function readAlertForWrite(db: TenantDb, id: string, expectedVersion: number | undefined): Promise<AlertForWrite> {
  const current = await db.alert.findFirst({ where: { id }, select: writeSelect });
  if (!current) throw notFound("Alert");
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw await staleAlertConflict(db, id);
  return current;
}

export async function updateAlertAtVersion(db: TenantDb, id: string, version: number, data: Prisma.AlertUncheckedUpdateManyInput): Promise<void> {
  const { count } = await db.alert.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await staleAlertConflict(db, id);
}
