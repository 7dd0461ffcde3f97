// Merging a duplicate (source) into a case (target): the source's messages and events move to
// the target, its followers follow the target, and the source closes pointing at the target.
// All in the caller's one transaction, so a merge happens entirely or not at all.
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import { recordCaseEvents } from "./case-events";
import type { CaseDetail } from "./case-select";
import { addFollowers } from "./followers";
import { loadCaseDetail } from "./load-case";
import { needsSchedule, slaPauseChange, slaPauseSelect } from "./sla-pause";
import { loadTenantSettings } from "./tenant-settings";
import { staleCaseConflict, updateCaseAtVersion } from "./versioned-update";

export interface MergeCasesInput {
  sourceId: string;
  targetId: string;
  sourceVersion?: number;
  targetVersion?: number;
}

export async function mergeCases(db: TenantDb, caller: Caller, input: MergeCasesInput): Promise<{ target: CaseDetail; source: CaseDetail }> {
  if (input.sourceId === input.targetId) throw new AppError("BAD_REQUEST", "A case cannot be merged into itself");
  const select = { id: true, number: true, status: true, version: true, mergedIntoId: true, ...slaPauseSelect } as const;
  const [source, target] = await Promise.all([
    db.case.findFirst({ where: { id: input.sourceId }, select }),
    db.case.findFirst({ where: { id: input.targetId }, select }),
  ]);
  if (!source || !target) throw notFound("Case");
  if (input.sourceVersion !== undefined && input.sourceVersion !== source.version) throw await staleCaseConflict(db, source.id, caller);
  if (input.targetVersion !== undefined && input.targetVersion !== target.version) throw await staleCaseConflict(db, target.id, caller);
  if (source.status === "CLOSED") {
    throw new AppError("BAD_REQUEST", `Case #${source.number} is closed${source.mergedIntoId ? " (already merged)" : ""}; only open cases can be merged`);
  }
  if (target.status === "CLOSED") throw new AppError("BAD_REQUEST", `Case #${target.number} is closed; merge into an open case`);

  const now = new Date();
  const moved = {
    messages: (await db.caseMessage.updateMany({ where: { caseId: source.id }, data: { caseId: target.id } })).count,
    events: (await db.caseEvent.updateMany({ where: { caseId: source.id }, data: { caseId: target.id } })).count,
  };
  const followers = await db.caseFollower.findMany({ where: { caseId: source.id }, select: { userId: true } });
  await addFollowers(db, target.id, followers.map((f) => f.userId));

  // Closing ends a pending or snoozed duplicate's SLA pause, as resolving would (sla-pause.ts).
  const pause = slaPauseChange(source.status, "CLOSED", now, source, needsSchedule(source.status, "CLOSED") ? await loadTenantSettings(db) : null);
  await updateCaseAtVersion(db, caller, source.id, source.version, {
    status: "CLOSED",
    closedAt: now,
    snoozedUntil: null,
    mergedIntoId: target.id,
    ...pause.data,
  });
  // The target's content changed (more messages), so editors of it should see a new version.
  await updateCaseAtVersion(db, caller, target.id, target.version, { updatedAt: now });
  await recordCaseEvents(db, [
    { caseId: source.id, type: "merged_into", from: { status: source.status }, to: { id: target.id, number: target.number }, at: now },
    { caseId: target.id, type: "merged_from", to: { id: source.id, number: source.number, ...moved }, at: now },
  ]);
  await recordAudit(db, {
    action: "case.merged",
    targetType: "case",
    targetId: target.id,
    diff: { sourceId: source.id, sourceNumber: source.number, targetNumber: target.number, ...moved },
  });
  return {
    target: await loadCaseDetail(db, { id: target.id }, caller),
    source: await loadCaseDetail(db, { id: source.id }, caller),
  };
}
