// Which candidate terms are the same topic: "checkout page", "blank screen" and "pressing pay" in
// the same eight cases are one thing customers report, not three. Similar means a high Jaccard
// index (shared cases over all cases of either), so a common word ("error", in 500 cases) does not
// swallow the small topic whose 8 cases all contain it. Each candidate's cases are sketched as the
// (up to) 200 of them with the smallest md5 of their id: the same order for every term, so the
// index is estimated from two sketches (bottom-k MinHash) and is exact while both terms have fewer
// than 200 cases. The sketches are read with the candidates' details (topic-details.ts).
import { createHash } from "node:crypto";

export const SKETCH_SIZE = 200;

const md5 = (id: string) => createHash("md5").update(id).digest("hex");

/**
 * The Jaccard index of the two sets the sketches stand for: among the SKETCH_SIZE smallest hashes
 * of both sketches together, the share found in both.
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>, size = SKETCH_SIZE): number {
  const union = [...new Set([...a, ...b])].map((id) => ({ id, hash: md5(id) }));
  if (union.length === 0) return 0;
  const smallest = union.sort((x, y) => (x.hash < y.hash ? -1 : x.hash > y.hash ? 1 : 0)).slice(0, size);
  return smallest.filter((x) => a.has(x.id) && b.has(x.id)).length / smallest.length;
}
