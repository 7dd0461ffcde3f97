import { describe, expect, it } from "vitest";
import { caseListSearch, hasFilters, parseCaseListQuery } from "./case-list-params";

describe("cases list URL", () => {
  it("round-trips every filter, with date ranges as whole days", () => {
    const search = "?status=OPEN,PENDING&businessUnit=Consumer&customerId=0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50&createdFrom=2026-11-01&createdTo=2026-11-20&tab=mine";
    const query = parseCaseListQuery(Object.fromEntries(new URLSearchParams(search)));
    expect(query).toMatchObject({
      status: ["OPEN", "PENDING"],
      businessUnit: "Consumer",
      customerId: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50",
      tab: "mine",
      createdFrom: new Date("2026-11-01T00:00:00.000Z"),
      // The "to" day is included: the bound is the next midnight (exclusive).
      createdTo: new Date("2026-11-21T00:00:00.000Z"),
    });
    expect(hasFilters(query)).toBe(true);
    const again = new URLSearchParams(caseListSearch(query));
    expect(Object.fromEntries(again)).toEqual(Object.fromEntries(new URLSearchParams(search)));
  });

  it("drops what it cannot read instead of failing the page", () => {
    const query = parseCaseListQuery({ createdFrom: "yesterday", customerId: "not-a-uuid", status: "OPEN" });
    expect(query.createdFrom).toBeUndefined();
    expect(query.customerId).toBeUndefined();
    expect(query.status).toEqual(["OPEN"]);
    expect(hasFilters(parseCaseListQuery({}))).toBe(false);
  });
});
