// An alert rule's condition in words, for the settings list. Pure, so it is tested without a browser.
import type { AlertRuleKind } from "@/lib/validations/alert-rule";

export const RULE_KIND_LABEL: Record<AlertRuleKind, string> = {
  VOLUME_SPIKE: "Volume spike",
  SLA_BREACHES: "SLA breaches",
  UNASSIGNED_AGE: "Unassigned too long",
  BACKLOG: "Backlog",
  KEYWORD: "Keyword in new cases",
};

type Params = Record<string, unknown>;
const num = (v: unknown, fallback = 0) => (typeof v === "number" ? v : fallback);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function scopeText(scope: unknown): string {
  if (!scope || typeof scope !== "object") return "";
  const s = scope as Record<string, unknown>;
  const parts = [
    typeof s.channel === "string" ? `channel ${s.channel.toLowerCase()}` : null,
    typeof s.businessUnit === "string" ? s.businessUnit : null,
    typeof s.category === "string" ? `category ${s.category}` : null,
    typeof s.tag === "string" ? `tag ${s.tag}` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** "At least 10 new cases in an hour (channel email), 3σ above the usual for that hour of the week". */
export function ruleConditionText(kind: AlertRuleKind, params: Params): string {
  switch (kind) {
    case "VOLUME_SPIKE":
      return `New cases in the last hour${scopeText(params.scope)} ${num(params.zScore, 3)}σ above the usual for that hour of the week, and at least ${plural(num(params.minCount, 10), "case")}`;
    case "SLA_BREACHES":
      return `${plural(num(params.threshold), "SLA breach", "SLA breaches")} or more within ${plural(num(params.windowMinutes, 60), "minute")}`;
    case "UNASSIGNED_AGE":
      return `${plural(num(params.threshold), "open case")} or more unassigned for over ${plural(num(params.minutes), "minute")}`;
    case "BACKLOG":
      return `${plural(num(params.threshold), "open case")} or more${typeof params.businessUnit === "string" ? ` in ${params.businessUnit}` : ""}`;
    case "KEYWORD": {
      const phrases = Array.isArray(params.phrases) ? params.phrases.filter((p): p is string => typeof p === "string") : [];
      return `A new case${scopeText(params.scope)} mentions ${phrases.map((p) => `“${p}”`).join(" or ") || "a phrase"}`;
    }
  }
}

/** Phrases typed one per line or separated by commas, trimmed, empty ones dropped. */
export function parsePhrases(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
