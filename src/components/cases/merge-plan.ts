// What the merge dialog may offer, checked in the browser with the same rules the merge
// procedure applies (services/cases/merge-cases.ts), so the agent sees why before confirming.
import type { CaseStatus } from "@/lib/validations/case";

interface CaseBrief {
  id: string;
  number: number;
  status: CaseStatus;
  mergedInto: { number: number } | null;
}

/** Why `source` cannot be merged into `target`; null when it can. */
export function mergeRefusal(source: CaseBrief, target: CaseBrief): string | null {
  if (source.id === target.id) return "A case cannot be merged into itself.";
  if (source.status === "CLOSED") {
    return source.mergedInto
      ? `Case #${source.number} was already merged into #${source.mergedInto.number}.`
      : `Case #${source.number} is closed; only open cases can be merged.`;
  }
  if (target.status === "CLOSED") return `Case #${target.number} is closed; merge into an open case.`;
  return null;
}

/** "3 messages", "1 message", "200+ messages" (the preview reads one page of the timeline). */
export function messageCountLabel(count: number, more: boolean): string {
  return `${count}${more ? "+" : ""} message${count === 1 && !more ? "" : "s"}`;
}
