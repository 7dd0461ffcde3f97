// The composer's `/` search for canned responses (settings → Canned responses).

/**
 * The "/partial" being typed at the caret, if the slash starts a line or follows a space: so a
 * path or "and/or" never opens the list. The partial may hold spaces ("/refund pol").
 */
export function cannedAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)\/((?:[^\s/][^\n/]{0,39})?)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() };
}

/** Titles that start with the partial first, then titles and texts that contain it. */
export function suggestCanned<T extends { title: string; body: string }>(responses: T[], query: string, limit = 6): T[] {
  const q = query.trim();
  if (!q) return responses.slice(0, limit);
  const starts = responses.filter((r) => r.title.toLowerCase().startsWith(q));
  const contains = responses.filter((r) => !starts.includes(r) && (r.title.toLowerCase().includes(q) || r.body.toLowerCase().includes(q)));
  return [...starts, ...contains].slice(0, limit);
}
