// Canned responses: reply texts a member inserts from the composer, personal (the owner's) or
// shared with the tenant. Anyone who replies keeps personal ones; shared ones are created and
// changed by members who manage settings (as Zendesk's and Front's shared templates are). A
// personal response of someone else does not exist for the caller (NOT_FOUND), as saved views.
import { z } from "zod";
import { fillPlaceholders, firstName } from "@/lib/canned-placeholders";
import type { createCannedResponseSchema, listCannedResponsesSchema, updateCannedResponseSchema } from "@/lib/validations/canned-response";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";

export interface CannedCaller {
  /** Null for an API key: what it creates is shared. */
  userId: string | null;
  /** settings:manage: creates, changes and deletes shared responses. */
  canManageShared: boolean;
}

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

const canEdit = (row: { ownerId: string | null; shared: boolean }, caller: CannedCaller): boolean =>
  row.shared ? caller.canManageShared : caller.userId !== null && row.ownerId === caller.userId;

const toOutput = (row: CannedRow, caller: CannedCaller): CannedResponseOutput => ({ ...row, editable: canEdit(row, caller) });

const visibleTo = (caller: CannedCaller): Prisma.CannedResponseWhereInput =>
  caller.userId ? { OR: [{ ownerId: caller.userId }, { shared: true }] } : { shared: true };

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

function checkShared(shared: boolean, caller: CannedCaller): void {
  if (shared && !caller.canManageShared) {
    throw new AppError("FORBIDDEN", "Only admins can share responses with the team", { reason: "PERMISSION_DENIED" });
  }
}

export async function createCannedResponse(db: TenantDb, caller: CannedCaller, input: z.output<typeof createCannedResponseSchema>): Promise<CannedResponseOutput> {
  const shared = caller.userId ? input.shared : true;
  checkShared(shared, caller);
  const row = await db.cannedResponse.create({
    data: { tenantId: requireTenantId(), ownerId: caller.userId, title: input.title, body: input.body, shared },
    select: cannedSelect,
  });
  await recordAudit(db, { action: "canned_response.created", targetType: "canned_response", targetId: row.id, diff: { title: row.title, shared } });
  return toOutput(row, caller);
}

async function editable(db: TenantDb, caller: CannedCaller, id: string): Promise<CannedRow> {
  const row = await db.cannedResponse.findFirst({ where: { AND: [{ id }, visibleTo(caller)] }, select: cannedSelect });
  if (!row) throw notFound("Canned response");
  if (!canEdit(row, caller)) {
    throw new AppError("FORBIDDEN", "Only admins can change the team's responses", { reason: "PERMISSION_DENIED" });
  }
  return row;
}

export async function updateCannedResponse(db: TenantDb, caller: CannedCaller, input: z.output<typeof updateCannedResponseSchema>): Promise<CannedResponseOutput> {
  const current = await editable(db, caller, input.id);
  if (input.shared !== undefined && input.shared !== current.shared) {
    checkShared(input.shared, caller);
    // Unsharing hands the response to its creator; one an API key created has nobody to keep it.
    if (!input.shared && current.ownerId === null) throw new AppError("BAD_REQUEST", "A response created by an API key stays shared");
  }
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
  const current = await editable(db, caller, id);
  await db.cannedResponse.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "canned_response.deleted", targetType: "canned_response", targetId: id, diff: { title: current.title } });
  return { id };
}

/** The response's text with its placeholders filled for this case and this member. */
export async function renderCannedResponse(db: TenantDb, caller: CannedCaller, input: { id: string; caseId: string }): Promise<{ body: string }> {
  const response = await db.cannedResponse.findFirst({ where: { AND: [{ id: input.id }, visibleTo(caller)] }, select: { body: true } });
  if (!response) throw notFound("Canned response");
  const found = await db.case.findFirst({ where: { id: input.caseId }, select: { number: true, title: true, customer: { select: { name: true } } } });
  if (!found) throw notFound("Case");
  const agent = caller.userId ? await db.membership.findFirst({ where: { userId: caller.userId }, select: { user: { select: { name: true } } } }) : null;
  const tenant = await db.tenant.findFirstOrThrow({ select: { name: true } });
  const customerName = found.customer?.name ?? "";
  const agentName = agent?.user.name ?? "";
  return {
    body: fillPlaceholders(response.body, {
      "customer.name": customerName,
      "customer.firstName": firstName(customerName),
      "agent.name": agentName,
      "agent.firstName": firstName(agentName),
      "case.number": String(found.number),
      "case.title": found.title,
      "tenant.name": tenant.name,
    }),
  };
}
