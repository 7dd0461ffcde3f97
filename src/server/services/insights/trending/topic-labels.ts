// Topics are found as stems ("printer jam", "bill"); people read the words they wrote ("printer
// jammed", "billing"). The label is the most common way the sample cases wrote the term: their
// words are stemmed by the same dictionary as the topics (one query for all words of all
// samples), and the commonest word, or pair of adjacent words, with the term's stems wins.
import type { TextLanguage } from "@/lib/validations/tenant-settings";
import type { TenantDb } from "@/server/db/tenant-db";

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const MAX_WORDS = 5000;

/** The dictionary the text search configuration stems with (english → english_stem; simple only lower-cases). */
const stemDictionary = (language: TextLanguage) => (language === "simple" ? "simple" : `${language}_stem`);

export async function topicLabels(
  db: TenantDb,
  topics: readonly { term: string; sampleCaseIds: string[] }[],
  language: TextLanguage,
): Promise<Map<string, string>> {
  const labels = new Map(topics.map((t) => [t.term, t.term]));
  const ids = [...new Set(topics.flatMap((t) => t.sampleCaseIds))];
  if (ids.length === 0) return labels;
  const cases = await db.case.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, description: true } });
  const wordsOf = new Map(cases.map((c) => [c.id, `${c.title} ${c.description.slice(0, 2000)}`.toLowerCase().match(WORD) ?? []]));
  const unique = [...new Set([...wordsOf.values()].flat())].slice(0, MAX_WORDS);
  const rows = await db.$queryRaw<{ word: string; stem: string | null }[]>`
    SELECT w.word, (ts_lexize(${stemDictionary(language)}::regdictionary, w.word))[1] AS stem FROM unnest(${unique}::text[]) AS w(word)`;
  const stemOf = new Map(rows.map((r) => [r.word, r.stem]));

  for (const topic of topics) {
    const stems = topic.term.split(" ");
    const seen = new Map<string, number>();
    for (const id of topic.sampleCaseIds) {
      const words = wordsOf.get(id) ?? [];
      for (let i = 0; i + stems.length <= words.length; i++) {
        const run = words.slice(i, i + stems.length);
        if (run.every((w, k) => stemOf.get(w) === stems[k])) {
          const label = run.join(" ");
          seen.set(label, (seen.get(label) ?? 0) + 1);
        }
      }
    }
    const best = [...seen].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0];
    if (best) labels.set(topic.term, best[0]);
  }
  return labels;
}
