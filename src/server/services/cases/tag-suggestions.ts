// Tags to suggest where a tag is typed (the new-case form, the list's tag filter): the tenant's
// tags, most used first. Read from the most recent cases only, so the answer costs the same at a
// million cases as at a hundred; a tag nobody used lately is not worth suggesting first anyway.
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";

/** How many of the newest cases the suggestions are drawn from. */
export const TAG_SAMPLE = 5_000;

export interface TagSuggestion {
  tag: string;
  /** Cases among the sample carrying it. */
  cases: number;
}

export async function suggestTags(db: TenantDb, input: { prefix?: string; limit: number }, sample = TAG_SAMPLE): Promise<TagSuggestion[]> {
  const prefix = (input.prefix ?? "").trim().toLowerCase();
  // LIKE's own characters in the typed text match themselves.
  const pattern = `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db.$queryRaw<TagSuggestion[]>`
    SELECT t.tag, count(*)::int AS cases
      FROM (SELECT c.tags FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid ORDER BY c.created_at DESC LIMIT ${sample}) recent,
           unnest(recent.tags) AS t(tag)
     WHERE t.tag LIKE ${pattern}
     GROUP BY t.tag
     ORDER BY count(*) DESC, t.tag
     LIMIT ${input.limit}`;
}
