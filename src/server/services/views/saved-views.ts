// Saved views of the cases list: personal (the owner's) or shared with the whole tenant. Only
// the owner, or a member who manages settings, changes a shared view; a personal view of
// someone else does not exist for the caller (NOT_FOUND).
import { z } from "zod";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import type { createSavedViewSchema, updateSavedViewSchema } from "@/lib/validations/saved-view";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";

export interface ViewCaller {
  userId: string | null;
  /** settings:manage: may edit every shared view. */
  canManage: boolean;
  /** cases:write: may share a view with the tenant (viewers keep personal views). */
  canShare: boolean;
}

const viewSelect = { id: true, name: true, filters: true, shared: true, ownerId: true, createdAt: true, updatedAt: true } satisfies Prisma.SavedViewSelect;
type ViewRow = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;

export const savedViewOutput = z.object({
  id: z.string(),
  name: z.string(),
  filters: caseListQuerySchema,
  /** False when the stored filters no longer parse (the list changed since); shown as the default list. */
  filtersValid: z.boolean(),
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  /** Whether the caller may rename, change or delete it. */
  editable: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SavedViewOutput = z.infer<typeof savedViewOutput>;

function canEdit(row: { ownerId: string | null; shared: boolean }, caller: ViewCaller): boolean {
  return (caller.userId !== null && row.ownerId === caller.userId) || (row.shared && caller.canManage);
}

function toView(row: ViewRow, caller: ViewCaller): SavedViewOutput {
  const parsed = caseListQuerySchema.safeParse(row.filters);
  return {
    ...row,
    filters: parsed.success ? parsed.data : caseListQuerySchema.parse({}),
    filtersValid: parsed.success,
    editable: canEdit(row, caller),
  };
}

/** Filters go to JSON with dates as ISO strings; the schema reads them back as dates. */
const toJson = (filters: unknown) => JSON.parse(JSON.stringify(filters)) as Prisma.InputJsonValue;

/** The views the caller sees: their own and the shared ones. */
export const visibleTo = (caller: ViewCaller): Prisma.SavedViewWhereInput =>
  caller.userId ? { OR: [{ ownerId: caller.userId }, { shared: true }] } : { shared: true };

export async function listSavedViews(db: TenantDb, caller: ViewCaller): Promise<SavedViewOutput[]> {
  const rows = await db.savedView.findMany({ where: visibleTo(caller), select: viewSelect, orderBy: [{ shared: "asc" }, { name: "asc" }, { id: "asc" }] });
  return rows.map((r) => toView(r, caller));
}

/**
 * One view the caller sees, or one shared with them by a share notification (that is how someone's
 * personal view reaches a colleague: as its filters, opened from the inbox). Others are NOT_FOUND.
 */
export async function getSavedView(db: TenantDb, caller: ViewCaller, id: string): Promise<SavedViewOutput> {
  const sharedWithMe: Prisma.SavedViewWhereInput[] = caller.userId ? [{ notifications: { some: { userId: caller.userId, type: "share" } } }] : [];
  const row = await db.savedView.findFirst({ where: { AND: [{ id }, { OR: [visibleTo(caller), ...sharedWithMe] }] }, select: viewSelect });
  if (!row) throw notFound("View");
  return toView(row, caller);
}

function checkSharing(shared: boolean, caller: ViewCaller): void {
  if (shared && !caller.canShare) throw new AppError("FORBIDDEN", "Your role cannot share views with the team", { reason: "PERMISSION_DENIED" });
}

export async function createSavedView(db: TenantDb, caller: ViewCaller, input: z.output<typeof createSavedViewSchema>): Promise<SavedViewOutput> {
  // An API key has no person to own a view: what it creates is shared, and admins look after it.
  const shared = caller.userId ? input.shared : true;
  checkSharing(shared, caller);
  const row = await db.savedView.create({
    data: { tenantId: requireTenantId(), ownerId: caller.userId, name: input.name, filters: toJson(input.filters), shared },
    select: viewSelect,
  });
  await recordAudit(db, { action: "saved_view.created", targetType: "saved_view", targetId: row.id, diff: { name: row.name, shared } });
  return toView(row, caller);
}

async function editableView(db: TenantDb, caller: ViewCaller, id: string): Promise<ViewRow> {
  const row = await db.savedView.findFirst({ where: { AND: [{ id }, visibleTo(caller)] }, select: viewSelect });
  if (!row) throw notFound("View");
  if (!canEdit(row, caller)) {
    throw new AppError("FORBIDDEN", "Only its owner or an admin can change a shared view", { reason: "PERMISSION_DENIED" });
  }
  return row;
}

export async function updateSavedView(db: TenantDb, caller: ViewCaller, input: z.output<typeof updateSavedViewSchema>): Promise<SavedViewOutput> {
  const current = await editableView(db, caller, input.id);
  if (input.shared !== undefined && input.shared !== current.shared) {
    checkSharing(input.shared, caller);
    if (!input.shared && current.ownerId === null) throw new AppError("BAD_REQUEST", "A view created by an API key stays shared");
  }
  const row = await db.savedView.update({
    where: tenantKey(input.id),
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.filters !== undefined ? { filters: toJson(input.filters) } : {}),
      ...(input.shared !== undefined ? { shared: input.shared } : {}),
    },
    select: viewSelect,
  });
  await recordAudit(db, { action: "saved_view.updated", targetType: "saved_view", targetId: row.id, diff: { fields: Object.keys(input).filter((k) => k !== "id") } });
  return toView(row, caller);
}

export async function deleteSavedView(db: TenantDb, caller: ViewCaller, id: string): Promise<{ id: string }> {
  const current = await editableView(db, caller, id);
  await db.savedView.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "saved_view.deleted", targetType: "saved_view", targetId: id, diff: { name: current.name } });
  return { id };
}
