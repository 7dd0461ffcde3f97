// Applies the tenant's enabled escalation rules, as the system: an open case (not RESOLVED or
// CLOSED) with no assignee, of the rule's priority (or any), that came in at least
// `unassignedMinutes` ago and was never escalated, is escalated to the rule's level and team.
// "Unassigned for N minutes" is measured from the case's creation: the simplest honest reading
// that needs no assignment history (a case assigned and unassigned again counts from creation
// too). Idempotent: only never-escalated cases qualify, and the write re-checks that at the
// case's version, so a second run, or one racing a member's edit, changes nothing.
// Runs in one tenant's transaction; a case an edit got to first is picked up by the next run.
import type { TenantDb } from "@/server/db/tenant-db";
import type { Logger } from "@/server/logger";
import { recordAudit } from "@/server/audit";
import { recordCaseEvents } from "@/server/services/cases/case-events";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { notifyEscalation } from "./notify-escalation";
import { postEscalation } from "@/server/services/feed/feed-events";

/** Per run, so one transaction stays short; the next run takes the rest. */
const DEFAULT_BATCH = 200;

export async function escalateByRules(
  db: TenantDb,
  options: { now?: Date; batch?: number; logger?: Pick<Logger, "warn"> } = {},
): Promise<{ escalated: number; more: boolean }> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? DEFAULT_BATCH;
  const [rules, settings] = await Promise.all([
    // The shortest wait first: where rules overlap, the earliest to fire wins, as it would have in time.
    db.escalationRule.findMany({
      where: { enabled: true },
      select: { id: true, name: true, priority: true, unassignedMinutes: true, level: true, team: { select: { id: true, name: true } } },
      orderBy: [{ unassignedMinutes: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    loadTenantSettings(db),
  ]);
  let escalated = 0;
  let more = false;
  for (const rule of rules) {
    // A level removed from the settings since: the rule waits until someone fixes it.
    if (!settings.escalationLevels.includes(rule.level)) {
      options.logger?.warn({ ruleId: rule.id, level: rule.level }, "escalation rule names a level the tenant no longer has");
      continue;
    }
    const due = await db.case.findMany({
      where: {
        status: { notIn: ["RESOLVED", "CLOSED"] },
        assigneeId: null,
        escalatedAt: null,
        ...(rule.priority ? { priority: rule.priority } : {}),
        createdAt: { lte: new Date(now.getTime() - rule.unassignedMinutes * 60_000) },
      },
      select: { id: true, version: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batch - escalated,
    });
    const done: string[] = [];
    for (const c of due) {
      const { count } = await db.case.updateMany({
        where: { id: c.id, version: c.version, assigneeId: null, escalatedAt: null },
        data: { escalationLevel: rule.level, escalatedAt: now, ...(rule.team ? { teamId: rule.team.id } : {}), version: { increment: 1 } },
      });
      if (count === 1) done.push(c.id);
    }
    const reason = `Escalation rule "${rule.name}": unassigned for ${rule.unassignedMinutes} minutes`;
    await recordCaseEvents(
      db,
      done.map((caseId) => ({
        caseId,
        type: "escalated" as const,
        from: { level: null },
        to: { level: rule.level, reason, team: rule.team, ruleId: rule.id },
        at: now,
      })),
    );
    for (const caseId of done) {
      await recordAudit(db, { action: "case.escalated", targetType: "case", targetId: caseId, diff: { from: null, to: rule.level, ruleId: rule.id, teamId: rule.team?.id ?? null } });
      await notifyEscalation(db, { caseId, teamId: rule.team?.id ?? null, reason, at: now });
    }
    await postEscalation(db, { rule, caseIds: done, at: now });
    escalated += done.length;
    if (escalated >= batch) {
      more = true;
      break;
    }
  }
  return { escalated, more };
}
