import { describe, expect, it } from "vitest";
import { stableRows } from "./stable-order";

const row = (id: string, title = id) => ({ id, title });

describe("stableRows: a held list does not move under the pointer", () => {
  it("not held: the data as it is", () => {
    const next = [row("b"), row("a")];
    expect(stableRows(null, next)).toEqual({ rows: next, departed: new Set() });
  });

  it("held: old order, new data, departed rows kept in place, arrivals at the end", () => {
    const held = [row("a"), row("b"), row("c"), row("d")];
    // The server now sorts d first, c left the filter, b changed, e is new.
    const next = [row("e"), row("d"), row("b", "b (edited)"), row("a")];
    const { rows, departed } = stableRows(held, next);
    expect(rows.map((r) => r.title)).toEqual(["a", "b (edited)", "c", "d", "e"]);
    expect([...departed]).toEqual(["c"]);
  });

  it("a row that came back is no longer departed", () => {
    const held = [row("a"), row("b")];
    expect(stableRows(held, [row("a")]).departed.has("b")).toBe(true);
    expect(stableRows(held, [row("b"), row("a")]).departed.size).toBe(0);
  });
});
