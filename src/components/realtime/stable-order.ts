// Lists that update live should not move under the user's pointer. While a list is "held" (the
// pointer or focus is in it), it keeps the order it had when the hold began: rows still there
// show their new data in their old place, rows that left stay where they were (marked, so they
// can be shown as gone), and rows that arrived go to the end, below everything the user was
// looking at. When the hold ends, the list takes the server's order.

export interface StableRows<T> {
  rows: T[];
  /** Ids of rows shown only because the list is held: they are no longer in the data. */
  departed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** `held`: the rows as shown when the hold began (null: not held). `next`: the current data. */
export function stableRows<T extends { id: string }>(held: readonly T[] | null, next: readonly T[]): StableRows<T> {
  if (!held) return { rows: [...next], departed: NONE };
  const fresh = new Map(next.map((row) => [row.id, row]));
  const departed = new Set<string>();
  const rows = held.map((row) => {
    const current = fresh.get(row.id);
    if (current) return current;
    departed.add(row.id);
    return row;
  });
  const heldIds = new Set(held.map((row) => row.id));
  for (const row of next) if (!heldIds.has(row.id)) rows.push(row);
  return { rows, departed: departed.size ? departed : NONE };
}
