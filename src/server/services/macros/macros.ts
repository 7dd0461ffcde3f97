// Macros: named sets of case actions, personal or shared (the rules: src/server/services/sharing.ts).
// Applying one is in apply-macro.ts.
import { z } from "zod";
import { fillPlaceholders } from "@/lib/canned-placeholders";
import { macroActionsSchema, type createMacroSchema, type listMacrosSchema, type MacroActions, type updateMacroSchema } from "@/lib/validations/macro";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { placeholderValues } from "@/server/services/cases/placeholder-values";
import { requireAssignableMember } from "@/server/services/cases/assign-case";
import { requireTeam } from "@/server/services/teams/team-select";
import { canEditShared, checkSharingEdit, sharedOnCreate, visibleTo, type SharingCaller } from "@/server/services/sharing";

const macroSelect = { id: true, name: true, actions: true, shared: true, ownerId: true, createdAt: true, updatedAt: true } satisfies Prisma.MacroSelect;
type MacroRow = Prisma.MacroGetPayload<{ select: typeof macroSelect }>;

export const macroOutput = z.object({
  id: z.string(),
  name: z.string(),
  actions: macroActionsSchema,
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type MacroOutput = z.infer<typeof macroOutput>;

/** The stored actions, read back through the schema that let them in. */
export const storedActions = (row: { actions: Prisma.JsonValue }): MacroActions => macroActionsSchema.parse(row.actions);

const toOutput = (row: MacroRow, caller: SharingCaller): MacroOutput => ({ ...row, actions: storedActions(row), editable: canEditShared(row, caller) });

/** At most this many come back: the composer's list shows a handful, the settings page them all. */
const LIST_LIMIT = 500;

export async function listMacros(db: TenantDb, caller: SharingCaller, input: z.output<typeof listMacrosSchema>): Promise<MacroOutput[]> {
  const rows = await db.macro.findMany({
    where: { AND: [visibleTo(caller), input.q ? { name: { contains: input.q, mode: "insensitive" } } : {}] },
    select: macroSelect,
    // The caller's own first, then the team's, each by name.
    orderBy: [{ shared: "asc" }, { name: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  return rows.map((r) => toOutput(r, caller));
}

export async function findVisibleMacro(db: TenantDb, caller: SharingCaller, id: string): Promise<MacroRow> {
  const row = await db.macro.findFirst({ where: { AND: [{ id }, visibleTo(caller)] }, select: macroSelect });
  if (!row) throw notFound("Macro");
  return row;
}

/** The team and member a macro names exist here (NOT_FOUND otherwise, as for any other tenant's id). */
async function checkReferences(db: TenantDb, actions: MacroActions): Promise<void> {
  if (actions.teamId) await requireTeam(db, actions.teamId);
  if (actions.assigneeId && actions.assigneeId !== "me") await requireAssignableMember(db, actions.assigneeId);
}

export async function createMacro(db: TenantDb, caller: SharingCaller, input: z.output<typeof createMacroSchema>): Promise<MacroOutput> {
  const shared = sharedOnCreate(input.shared, caller, "macros");
  await checkReferences(db, input.actions);
  const row = await db.macro.create({
    data: { tenantId: requireTenantId(), ownerId: caller.userId, name: input.name, actions: input.actions, shared },
    select: macroSelect,
  });
  await recordAudit(db, { action: "macro.created", targetType: "macro", targetId: row.id, diff: { name: row.name, shared, actions: input.actions } });
  return toOutput(row, caller);
}

export async function updateMacro(db: TenantDb, caller: SharingCaller, input: z.output<typeof updateMacroSchema>): Promise<MacroOutput> {
  const current = await findVisibleMacro(db, caller, input.id);
  checkSharingEdit(current, caller, "macros", input.shared);
  if (input.actions) await checkReferences(db, input.actions);
  const row = await db.macro.update({
    where: tenantKey(input.id),
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.actions !== undefined ? { actions: input.actions } : {}),
      ...(input.shared !== undefined ? { shared: input.shared } : {}),
    },
    select: macroSelect,
  });
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  if (row.name !== current.name) diff.name = { from: current.name, to: row.name };
  if (row.shared !== current.shared) diff.shared = { from: current.shared, to: row.shared };
  if (JSON.stringify(row.actions) !== JSON.stringify(current.actions)) diff.actions = { from: current.actions, to: row.actions };
  await recordAudit(db, { action: "macro.updated", targetType: "macro", targetId: row.id, diff });
  return toOutput(row, caller);
}

export async function deleteMacro(db: TenantDb, caller: SharingCaller, id: string): Promise<{ id: string }> {
  const current = await findVisibleMacro(db, caller, id);
  checkSharingEdit(current, caller, "macros");
  await db.macro.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "macro.deleted", targetType: "macro", targetId: id, diff: { name: current.name } });
  return { id };
}

/** The macro's reply as the composer shows it: placeholders filled for this case and the caller. Null when it has none. */
export async function renderMacroReply(
  db: TenantDb,
  caller: SharingCaller,
  input: { id: string; caseId: string },
): Promise<{ reply: { kind: NonNullable<MacroActions["reply"]>["kind"]; body: string } | null }> {
  const { reply } = storedActions(await findVisibleMacro(db, caller, input.id));
  const values = await placeholderValues(db, caller.userId, input.caseId);
  return { reply: reply ? { kind: reply.kind, body: fillPlaceholders(reply.body, values) } : null };
}
