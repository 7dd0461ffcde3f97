// How the feed names its kinds, priorities and audiences, in one place for the page, the
// overview panel and the announcement form.
import type { FeedAudienceKind, FeedItemKind, FeedPriority } from "@/lib/validations/feed";

export const KIND_LABEL: Record<FeedItemKind, string> = {
  ANNOUNCEMENT: "Announcement",
  ALERT_FIRED: "Alert fired",
  ALERT_RESOLVED: "Alert resolved",
  SLA_BREACH_WAVE: "SLA breaches",
  IMPORT_FINISHED: "Import finished",
  TRENDING_SURGE: "Trending",
  NEW_MEMBER: "New member",
  ESCALATION: "Escalation",
  AI_PAUSED: "AI paused",
};

export const PRIORITY_LABEL: Record<FeedPriority, string> = { LOW: "Low", NORMAL: "Normal", HIGH: "High", PINNED: "Pinned" };

export const AUDIENCE_LABEL: Record<FeedAudienceKind, string> = { EVERYONE: "Everyone", BUSINESS_UNIT: "A business unit", TEAM: "A team", ROLE: "A role and above" };

const ROLE_WORD: Record<string, string> = { OWNER: "Owners", ADMIN: "Admins and owners", AGENT: "Agents and up", VIEWER: "Everyone" };

/** Whom an item is for, in words; a team by its name when the caller knows it. */
export function audienceText(kind: FeedAudienceKind, value: string | null, teamNames: ReadonlyMap<string, string>): string {
  switch (kind) {
    case "EVERYONE":
      return "Everyone";
    case "BUSINESS_UNIT":
      return `Business unit ${value ?? ""}`.trim();
    case "TEAM":
      return `Team ${value ? (teamNames.get(value) ?? "(deleted)") : ""}`.trim();
    case "ROLE":
      return value ? (ROLE_WORD[value] ?? value) : "A role";
  }
}
