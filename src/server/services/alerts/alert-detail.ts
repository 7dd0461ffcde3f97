// One alert in full, for its detail view and `GET /alerts/{id}`: the fields of the list plus what
// only one alert needs: when it fired (the occurrence history), the cases it names with their
// number and title, the rule that fired it (so the page can open the cases list filtered to the
// rule's condition), and its timeline from the audit trail (who acknowledged, resolved, reopened,
// assigned or edited it). The list leaves these out: they are per alert, and a page of a hundred
// alerts would carry up to 20,000 timestamps.
import { z } from "zod";
import { CASE_STATUSES } from "@/lib/validations/case";
import { alertRuleConditionSchema } from "@/lib/validations/alert-rule";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { storedCondition } from "@/server/services/alert-rules/rule-output";
import { alertOutput, alertSelect, toAlert } from "./alert-select";

/** The newest audit events shown; an alert acted on more often than this is a conversation, not an alert. */
export const ALERT_TIMELINE_MAX = 50;
const RULE_KEY = /^rule:([0-9a-f-]{36})$/;

export const alertDetailOutput = alertOutput.extend({
  /** When it fired, oldest first: the latest firings (the count goes on in `occurrences`). */
  firings: z.array(z.date()),
  /** The related cases that still exist, in the order the alert names them. */
  relatedCases: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), status: z.enum(CASE_STATUSES) })),
  /** The alert rule that fired it, while that rule exists (source RULE). */
  rule: z.object({ id: z.string(), name: z.string(), condition: alertRuleConditionSchema }).nullable(),
  /** Newest first. */
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      /** The audit action: alert.created, alert.acknowledged, alert.resolved, alert.reopened, alert.assigned, alert.updated. */
      action: z.string(),
      actor: z.object({ type: z.string(), name: z.string().nullable() }),
      /** The resolution note, for alert.resolved. */
      note: z.string().nullable(),
    }),
  ),
});
export type AlertDetail = z.infer<typeof alertDetailOutput>;

/** An alert of this tenant in full; another tenant's id is NOT_FOUND like one that never existed. */
export async function loadAlertDetail(db: TenantDb, id: string): Promise<AlertDetail> {
  const row = await db.alert.findFirst({ where: { id }, select: { ...alertSelect, firings: true } });
  if (!row) throw notFound("Alert");
  const { firings, ...fields } = row;
  const alert = toAlert(fields);

  const cases = alert.relatedCaseIds.length
    ? await db.case.findMany({ where: { id: { in: alert.relatedCaseIds } }, select: { id: true, number: true, title: true, status: true } })
    : [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const relatedCases = alert.relatedCaseIds.flatMap((caseId) => byId.get(caseId) ?? []);

  const ruleId = alert.source === "RULE" ? RULE_KEY.exec(alert.dedupeKey ?? "")?.[1] : undefined;
  const ruleRow = ruleId ? await db.alertRule.findFirst({ where: { id: ruleId }, select: { id: true, name: true, kind: true, params: true } }) : null;
  const condition = ruleRow ? storedCondition(ruleRow) : null;
  const rule = ruleRow && condition ? { id: ruleRow.id, name: ruleRow.name, condition } : null;

  const events = await db.auditEvent.findMany({
    where: { targetType: "alert", targetId: id },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: ALERT_TIMELINE_MAX,
    select: { id: true, createdAt: true, action: true, actorType: true, actorId: true, diff: true },
  });
  const userIds = [...new Set(events.flatMap((e) => (e.actorType === "user" && e.actorId ? [e.actorId] : [])))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const timeline = events.map((e) => {
    const diff = e.diff && typeof e.diff === "object" && !Array.isArray(e.diff) ? e.diff : {};
    return {
      id: e.id,
      at: e.createdAt,
      action: e.action,
      actor: { type: e.actorType, name: e.actorType === "user" && e.actorId ? (names.get(e.actorId) ?? null) : null },
      note: e.action === "alert.resolved" && typeof diff.note === "string" ? diff.note : null,
    };
  });

  return { ...alert, firings, relatedCases, rule, timeline };
}
