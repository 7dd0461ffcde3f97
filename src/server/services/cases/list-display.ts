// The member's display of the cases list, kept on their membership (memberships.list_display).
// Members only: an API key has no membership of its own to keep it on.
import { readListDisplay, type ListDisplay } from "@/lib/validations/list-display";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";

function requireMember(userId: string | null): string {
  if (!userId) throw new AppError("FORBIDDEN", "The list's display belongs to members; an API key has none");
  return userId;
}

export async function getListDisplay(db: TenantDb, userId: string | null): Promise<ListDisplay> {
  const row = await db.membership.findFirst({ where: { userId: requireMember(userId) }, select: { listDisplay: true } });
  return readListDisplay(row?.listDisplay);
}

export async function setListDisplay(db: TenantDb, userId: string | null, display: ListDisplay): Promise<ListDisplay> {
  await db.membership.updateMany({ where: { tenantId: requireTenantId(), userId: requireMember(userId) }, data: { listDisplay: display } });
  return display;
}
