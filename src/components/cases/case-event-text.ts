// One timeline event in words. Events store ids and raw values; names come from the members list.
import { STATUS_LABELS } from "@/lib/case-status";
import type { CaseStatus } from "@/lib/validations/case";
import type { Member, TimelineItem } from "./case-types";

type EventItem = Extract<TimelineItem, { type: "event" }>;

const lower = (v: unknown) => (typeof v === "string" ? v.charAt(0) + v.slice(1).toLowerCase() : "—");
const statusOf = (v: unknown): string => {
  const s = typeof v === "object" && v && "status" in v ? (v as { status: unknown }).status : v;
  return typeof s === "string" && s in STATUS_LABELS ? STATUS_LABELS[s as CaseStatus] : "—";
};
const field = (v: unknown, key: string): unknown => (typeof v === "object" && v && key in v ? (v as Record<string, unknown>)[key] : undefined);
const quoted = (v: unknown) => (typeof v === "string" && v ? `: “${v}”` : "");
const numberOf = (v: unknown) => (typeof v === "object" && v && "number" in v ? `#${String((v as { number: unknown }).number)}` : "another case");

/** Working time in words: "2 h 30 min", "45 min", "less than a minute". */
export function workingTimeText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ");
}

/** What a status change did to the SLA clocks (services/cases/sla-pause.ts), as a clause to append. */
function slaPauseText(to: unknown): string {
  if (field(to, "slaPaused") === true) return "; SLA clocks paused";
  const pausedMs = field(to, "slaPausedMs");
  if (typeof pausedMs !== "number") return "";
  const status = field(to, "status");
  const what = status === "OPEN" ? "resumed" : "stopped";
  return `; SLA clocks ${what} after ${workingTimeText(pausedMs)} of working time paused`;
}

export function describeEvent(item: EventItem, members: Member[]): string {
  const name = (id: unknown) => (typeof id === "string" ? (members.find((m) => m.userId === id)?.name ?? "a former member") : "nobody");
  switch (item.event) {
    case "created":
      return "created the case";
    case "status_changed":
      if (typeof item.to === "object" && item.to && "reason" in item.to && item.to.reason === "snooze_ended") {
        return `reopened the case: its snooze ended${slaPauseText(item.to)}`;
      }
      if (field(item.to, "undo") === true) return `undid the status change: back from ${statusOf(item.from)} to ${statusOf(item.to)}${slaPauseText(item.to)}`;
      return `changed status from ${statusOf(item.from)} to ${statusOf(item.to)}${slaPauseText(item.to)}`;
    case "assignee_changed":
      return item.to ? `assigned the case to ${name(item.to)}` : "unassigned the case";
    case "team_changed": {
      // The event keeps the team's name: it reads right after the team is renamed or deleted.
      const team = (v: unknown) => String(field(v, "name") ?? "a former team");
      return item.to ? `moved the case to team ${team(item.to)}` : `took the case out of team ${team(item.from)}`;
    }
    case "priority_changed":
      return `changed priority from ${lower(item.from)} to ${lower(item.to)}`;
    case "tags_changed":
      return `set tags to ${Array.isArray(item.to) && item.to.length ? item.to.join(", ") : "none"}`;
    case "fields_changed":
      return `edited ${typeof item.to === "object" && item.to ? Object.keys(item.to).join(", ") : "the case"}`;
    case "customer_changed":
      return "changed the customer";
    case "merged_into":
      return `merged this case into ${numberOf(item.to)}`;
    case "merged_from":
      return `merged ${numberOf(item.to)} into this case`;
    case "shared": {
      const people = field(item.to, "userIds");
      const teams = field(item.to, "teams");
      const names = [
        ...(Array.isArray(teams) ? teams.map((t) => `team ${String(field(t, "name") ?? "?")}`) : []),
        ...(Array.isArray(people) ? people.map(name) : []),
      ];
      return `shared the case with ${names.length ? names.join(", ") : "nobody"}${quoted(field(item.to, "note"))}`;
    }
    case "escalated": {
      const team = field(field(item.to, "team"), "name");
      const from = field(item.from, "level");
      const level = String(field(item.to, "level") ?? "—");
      const what = typeof from === "string" ? `escalated the case from ${from} to ${level}` : `escalated the case to ${level}`;
      return `${what}${typeof team === "string" ? ` (team ${team})` : ""}${quoted(field(item.to, "reason"))}`;
    }
    case "deescalated":
      return `de-escalated the case from ${String(field(item.from, "level") ?? "—")}${quoted(field(item.to, "reason"))}`;
    default:
      return item.event.replaceAll("_", " ");
  }
}
