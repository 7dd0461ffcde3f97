// The cases a rule's alert is about, as a cases-list query: the alert's detail links to the list
// filtered to the rule's condition, so whoever looks at the alert sees the cases behind it, not
// only the sample the alert names. The list filters by whole days and has no "older than" or
// "breached within" filter, so some links are wider than the condition (each says how).
import { OPEN_STATUSES } from "@/lib/case-status";
import type { AlertRuleCondition, CaseScope } from "@/lib/validations/alert-rule";
import type { CaseListQuery } from "@/lib/validations/case-filters";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Midnight UTC of the instant's day: the list's date filters are days (case-list-params.ts). */
const dayStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

function scopeQuery(scope: CaseScope): Partial<CaseListQuery> {
  return {
    ...(scope.channel ? { channel: [scope.channel] } : {}),
    ...(scope.businessUnit ? { businessUnit: [scope.businessUnit] } : {}),
    ...(scope.category ? { category: [scope.category] } : {}),
    ...(scope.tag ? { tag: [scope.tag] } : {}),
  };
}

/** A phrase as the list's search syntax has it: quoted, its own quotes dropped. */
const quoted = (phrase: string) => `"${phrase.replaceAll('"', " ").trim()}"`;

export function ruleCaseQuery(condition: AlertRuleCondition, firedAt: Date): Partial<CaseListQuery> {
  const open = { status: [...OPEN_STATUSES] };
  switch (condition.kind) {
    case "VOLUME_SPIKE": {
      // The hour that spiked, widened to its day (and the day before when the hour began there).
      const hourStart = new Date(firedAt.getTime() - 60 * 60 * 1000);
      return { ...scopeQuery(condition.params.scope), createdFrom: dayStart(hourStart), createdTo: new Date(dayStart(firedAt).getTime() + DAY_MS) };
    }
    case "SLA_BREACHES":
      // Every breached open case, not only those that came due within the rule's window.
      return { ...open, sla: "breached", sort: "resolutionDue" };
    case "UNASSIGNED_AGE":
      // Oldest first, so the cases older than the rule's age lead the list.
      return { ...open, assigneeId: ["none"], sort: "created", order: "asc" };
    case "BACKLOG":
      return {
        ...open,
        ...(condition.params.businessUnit ? { businessUnit: [condition.params.businessUnit] } : {}),
        ...(condition.params.teamId ? { teamId: [condition.params.teamId] } : {}),
      };
    case "KEYWORD": {
      // Whole phrases only: the ones that fit the list's 200 characters (a cut one would not match).
      let q = quoted(condition.params.phrases[0]!).slice(0, 200);
      for (const phrase of condition.params.phrases.slice(1)) {
        const next = `${q} or ${quoted(phrase)}`;
        if (next.length > 200) break;
        q = next;
      }
      return { ...scopeQuery(condition.params.scope), q };
    }
  }
}
