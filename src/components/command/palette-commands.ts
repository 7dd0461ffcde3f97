// What the command palette offers for what was typed: a case number to jump to, pages to open
// and actions on the active case. Pure, so the matching is tested without a browser.
import type { CaseStatus } from "@/lib/validations/case";

/** "#1042", "1042", "# 1042" → 1042; anything else (words, 0, huge numbers) → null. */
export function parseCaseNumber(text: string): number | null {
  const match = text.trim().match(/^#?\s*(\d{1,9})$/);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 ? n : null;
}

/** Text worth a search request: at least two characters that are not just a case number. */
export function searchTerm(text: string): string | null {
  const t = text.trim();
  return t.length >= 2 && parseCaseNumber(t) === null ? t.slice(0, 200) : null;
}

export interface PageCommand {
  id: string;
  label: string;
  href: string;
  keywords: string[];
}

export function pageCommands(slug: string, opts: { canImport: boolean }): PageCommand[] {
  const base = `/t/${slug}`;
  const pages: PageCommand[] = [
    { id: "overview", label: "Overview", href: base, keywords: ["home", "dashboard"] },
    { id: "cases-mine", label: "Cases: Mine", href: `${base}/cases?tab=mine`, keywords: ["my", "assigned"] },
    { id: "cases-unassigned", label: "Cases: Unassigned", href: `${base}/cases?tab=unassigned`, keywords: ["queue", "triage"] },
    { id: "cases-all", label: "Cases: All", href: `${base}/cases`, keywords: ["list", "inbox"] },
    { id: "case-new", label: "New case", href: `${base}/cases/new`, keywords: ["create", "add"] },
    { id: "search", label: "Search", href: `${base}/search`, keywords: ["find", "full text"] },
    { id: "alerts", label: "Alerts", href: `${base}/alerts`, keywords: ["incidents", "monitoring", "alertmanager"] },
    { id: "feed", label: "Feed", href: `${base}/feed`, keywords: ["announcements", "news", "updates"] },
    { id: "customers", label: "Customers", href: `${base}/customers`, keywords: ["contacts", "people"] },
    { id: "jobs", label: "Jobs", href: `${base}/jobs`, keywords: ["background", "tasks"] },
    { id: "imports", label: "Imports", href: `${base}/imports`, keywords: ["csv", "upload"] },
    { id: "settings", label: "Settings", href: `${base}/settings`, keywords: ["members", "preferences"] },
  ];
  return pages.filter((p) => p.id !== "imports" || opts.canImport);
}

/**
 * Every typed word starts a word of the label or keywords (case-insensitive); empty text matches
 * all. Prefixes, not substrings: "ref" should not find Settings through "preferences".
 */
export function matches(text: string, label: string, keywords: readonly string[] = []): boolean {
  const typed = text.trim().toLowerCase().split(/[\s:#]+/).filter(Boolean);
  if (typed.length === 0) return true;
  const words = [label, ...keywords].join(" ").toLowerCase().split(/[\s:#]+/).filter(Boolean);
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

export type CaseActionId = "assign-to-me" | "resolve";

/** The actions that make sense for a case in this status, for a member who may edit cases. */
export function caseActions(status: CaseStatus, canWrite: boolean): { id: CaseActionId; label: string }[] {
  if (!canWrite || status === "CLOSED") return [];
  const actions: { id: CaseActionId; label: string }[] = [{ id: "assign-to-me", label: "Assign to me" }];
  if (status !== "RESOLVED") actions.push({ id: "resolve", label: "Resolve" });
  return actions;
}
