// Canned responses: reply texts a member inserts from the composer, personal (the owner's) or
// shared with the tenant (the rules: src/server/services/sharing.ts).
import { z } from "zod";
import { fillPlaceholders } from "@/lib/canned-placeholders";
import type { createCannedResponseSchema, listCannedResponsesSchema, updateCannedResponseSchema } from "@/lib/validations/canned-response";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { placeholderValues } from "@/server/services/cases/placeholder-values";
import { canEditShared, checkSharingEdit, sharedOnCreate, visibleTo, type SharingCaller } from "@/server/services/sharing";

export type CannedCaller = SharingCaller;

const cannedSelect = { id: true, title: true, body: true, shared: true, ownerId: true, createdAt: true, updatedAt: true } satisfies Prisma.CannedResponseSelect;
type CannedRow = Prisma.CannedResponseGetPayload<{ select: typeof cannedSelect }>;

export const cannedResponseOutput = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CannedResponseOutput = z.infer<typeof cannedResponseOutput>;

const toOutput = (row: CannedRow, caller: CannedCaller): CannedResponseOutput => ({ ...row, editable: canEditShared(row, caller) });

/** At most this many come back: the composer's list shows a handful, the settings page them all. */
const LIST_LIMIT = 500;

export async function listCannedResponses(db: TenantDb, caller: CannedCaller, input: z.output<typeof listCannedResponsesSchema>): Promise<CannedResponseOutput[]> {
  const matching: Prisma.CannedResponseWhereInput = input.q
    ? { OR: [{ title: { contains: input.q, mode: "insensitive" } }, { body: { contains: input.q, mode: "insensitive" } }] }
    : {};
  const rows = await db.cannedResponse.findMany({
    where: { AND: [visibleTo(caller), matching] },
    select: cannedSelect,
    // The caller's own first, then the team's, each by title.
    orderBy: [{ shared: "asc" }, { title: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  return rows.map((r) => toOutput(r, caller));
}

export async function createCannedResponse(db: TenantDb, caller: CannedCaller, input: z.output<typeof createCannedResponseSchema>): Promise<CannedResponseOutput> {
  const shared = sharedOnCreate(input.shared, caller, "responses");
  const row = await db.cannedResponse.create({
    data: { tenantId: requireTenantId(), ownerId: caller.userId, title: input.title, body: input.body, shared },
    select: cannedSelect,
  });
  await recordAudit(db, { action: "canned_response.created", targetType: "canned_response", targetId: row.id, diff: { title: row.title, shared } });
  return toOutput(row, caller);
}

async function visible(db: TenantDb, caller: CannedCaller, id: string): Promise<CannedRow> {
  const row = await db.cannedResponse.findFirst({ where: { AND: [{ id }, visibleTo(caller)] }, select: cannedSelect });
  if (!row) throw notFound("Canned response");
  return row;
}

export async function updateCannedResponse(db: TenantDb, caller: CannedCaller, input: z.output<typeof updateCannedResponseSchema>): Promise<CannedResponseOutput> {
  const current = await visible(db, caller, input.id);
  checkSharingEdit(current, caller, "responses", input.shared);
  const row = await db.cannedResponse.update({
    where: tenantKey(input.id),
    data: {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.shared !== undefined ? { shared: input.shared } : {}),
    },
    select: cannedSelect,
  });
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  if (row.title !== current.title) diff.title = { from: current.title, to: row.title };
  if (row.shared !== current.shared) diff.shared = { from: current.shared, to: row.shared };
  if (row.body !== current.body) diff.body = { from: `${current.body.length} characters`, to: `${row.body.length} characters` };
  await recordAudit(db, { action: "canned_response.updated", targetType: "canned_response", targetId: row.id, diff });
  return toOutput(row, caller);
}

export async function deleteCannedResponse(db: TenantDb, caller: CannedCaller, id: string): Promise<{ id: string }> {
  const current = await visible(db, caller, id);
  checkSharingEdit(current, caller, "responses");
  await db.cannedResponse.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "canned_response.deleted", targetType: "canned_response", targetId: id, diff: { title: current.title } });
  return { id };
}

/** The response's text with its placeholders filled for this case and this member. */
export async function renderCannedResponse(db: TenantDb, caller: CannedCaller, input: { id: string; caseId: string }): Promise<{ body: string }> {
  const response = await db.cannedResponse.findFirst({ where: { AND: [{ id: input.id }, visibleTo(caller)] }, select: { body: true } });
  if (!response) throw notFound("Canned response");
  return { body: fillPlaceholders(response.body, await placeholderValues(db, caller.userId, input.caseId)) };
}
