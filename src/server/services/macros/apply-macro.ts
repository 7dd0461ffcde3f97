// Applying a macro to cases in one transaction: its reply or note first (placeholders filled per
// case, or the composer's edited text), then its field changes through the bulk update, so a
// macro changes a case exactly as the bulk bar would (transition rules, SLA clocks, events) and
// leaves the versions an Undo names.
import type { z } from "zod";
import { fillPlaceholders } from "@/lib/canned-placeholders";
import { fieldChangeOf } from "@/lib/macro-change";
import type { applyMacroSchema } from "@/lib/validations/macro";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "@/server/services/cases/actor";
import { addCaseMessage } from "@/server/services/cases/add-message";
import { bulkUpdateCases, checkBulkAction } from "@/server/services/cases/bulk-update";
import { placeholderCaseSelect, placeholderFiller } from "@/server/services/cases/placeholder-values";
import type { SharingCaller } from "@/server/services/sharing";
import { findVisibleMacro, storedActions } from "./macros";

export interface ApplyMacroResult {
  macro: { id: string; name: string };
  /** Cases named. */
  matched: number;
  /** Messages added (one per case at most). */
  replied: number;
  /** Cases whose fields changed. */
  updated: number;
  /** Cases the macro did nothing to. */
  skipped: number;
  skippedReasons: {
    /** Closed cases, which take no replies (with several cases; one closed case is refused). */
    closed: number;
    /** The macro's status change is not allowed from the case's status. */
    refusedTransition: number;
  };
  /** Each case whose fields changed and the version the change left (what an Undo names). */
  changed: { id: string; version: number }[];
}

export async function applyMacro(db: TenantDb, caller: Caller & SharingCaller, input: z.output<typeof applyMacroSchema>): Promise<ApplyMacroResult> {
  const macro = await findVisibleMacro(db, caller, input.id);
  const actions = storedActions(macro);
  const caseIds = [...new Set(input.caseIds)];
  const cases = await db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, status: true, ...placeholderCaseSelect } });
  if (cases.length !== caseIds.length) throw notFound("Case");

  const fields = fieldChangeOf(actions);
  const target = { target: { ids: caseIds }, ...fields };
  // A team or member gone since the macro was saved refuses it before any message is written.
  if (fields) await checkBulkAction(db, caller, target).catch((error: unknown) => Promise.reject(staleReference(error, macro.name)));

  const repliedIds = new Set<string>();
  let closed = 0;
  const kind = input.message?.kind ?? actions.reply?.kind;
  if (kind) {
    const fill = input.message ? null : await placeholderFiller(db, caller.userId);
    for (const c of cases) {
      // One closed case is refused by addCaseMessage with its reason; among several it is skipped.
      if (kind === "PUBLIC_REPLY" && c.status === "CLOSED" && cases.length > 1) {
        closed++;
        continue;
      }
      const body = input.message?.body ?? fillPlaceholders(actions.reply!.body, fill!(c));
      await addCaseMessage(db, caller, { caseId: c.id, kind, body, attachmentIds: input.message?.attachmentIds ?? [], seenUpTo: input.message?.seenUpTo, sendAnyway: input.message?.sendAnyway });
      repliedIds.add(c.id);
    }
  }

  const audit = { action: "macro.applied", targetType: "macro", targetId: macro.id, diff: { name: macro.name, cases: caseIds.length, replied: repliedIds.size } };
  const bulk = fields
    ? await bulkUpdateCases((fn) => fn(db), caller, target, { collectChanged: true, notifyAssignees: true, auditAs: audit })
    : null;
  if (!bulk) await recordAudit(db, audit);

  const changed = bulk?.changed ?? [];
  const touched = new Set([...repliedIds, ...changed.map((c) => c.id)]);
  return {
    macro: { id: macro.id, name: macro.name },
    matched: caseIds.length,
    replied: repliedIds.size,
    updated: changed.length,
    skipped: caseIds.length - touched.size,
    skippedReasons: { closed, refusedTransition: bulk?.skippedReasons.refusedTransition ?? 0 },
    changed,
  };
}

/** A team or member the macro names that is gone since it was saved: the macro needs an edit. */
function staleReference(error: unknown, name: string): unknown {
  if (!(error instanceof AppError) || error.code !== "NOT_FOUND") return error;
  return new AppError("BAD_REQUEST", `The macro "${name}" names a team or member that no longer exists: edit the macro`, { reason: "MACRO_OUTDATED" });
}
