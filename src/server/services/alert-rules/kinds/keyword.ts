// A phrase in new cases ("outage", "data breach"): cases created since the previous evaluation
// (at most the last 60 minutes; replayed: each hour) whose title or description contains one of
// the phrases, case-insensitively. The window comes from the created_at index, so ILIKE only reads
// that hour's cases; the search vectors (words in the tenant's language) would not match
// inside words or across punctuation as a plain "contains" does.
import { Prisma } from "@/server/db/generated/client";
import { countPerWindow, createdInWindow, scopeSql } from "../case-windows";
import type { RuleKind } from "../rule-kind";
import { plural } from "../rule-kind";
import type { AlertRuleParams } from "@/lib/validations/alert-rule";

const HOUR = 3_600_000;

/** `%phrase%` with the phrase's own %, _ and \ taken literally (ILIKE's default escape is \). */
export const containsPattern = (phrase: string) => `%${phrase.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function keywordMatch(params: AlertRuleParams<"KEYWORD">): Prisma.Sql {
  const patterns = JSON.stringify(params.phrases.map(containsPattern));
  return Prisma.sql`${createdInWindow} ${scopeSql(params.scope)}
    AND (c.title ILIKE ANY (SELECT jsonb_array_elements_text(${patterns}::jsonb)) OR c.description ILIKE ANY (SELECT jsonb_array_elements_text(${patterns}::jsonb)))`;
}

export const keyword: RuleKind<"KEYWORD"> = {
  async measure(db, params, points, ctx) {
    const counts = await countPerWindow(db, points.map((at) => keyword.window(params, at, ctx)), keywordMatch(params));
    return points.map((at, i) => ({ at, value: counts[i]!, fires: counts[i]! >= 1 }));
  },
  window: (_params, at, ctx) => {
    const hourAgo = at.getTime() - HOUR;
    return { at, lo: new Date(ctx.since && ctx.since.getTime() > hourAgo ? ctx.since.getTime() : hourAgo) };
  },
  match: (params) => keywordMatch(params),
  order: Prisma.sql`c.created_at DESC, c.id DESC`,
  headline: (params, r) => `${plural(r.value, "new case")} ${r.value === 1 ? "mentions" : "mention"} ${params.phrases.map((p) => `"${p}"`).join(" or ")}`.slice(0, 180),
  description: (params, r) =>
    `${plural(r.value, "case")} created before ${r.at.toISOString()} contain ${params.phrases.map((p) => `"${p}"`).join(", ")} in the title or description.`,
};
