import { describe, expect, it } from "vitest";
import { caseListSearch, hasFilters, parsePage } from "./case-list-params";
import { parseCaseListQuery } from "./parse-case-list-query";

describe("cases list URL", () => {
  it("round-trips every filter, with date ranges as whole days", () => {
    const search = "?status=OPEN,PENDING&businessUnit=Consumer&customerId=0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50&createdFrom=2026-11-01&createdTo=2026-11-20&tab=mine";
    const query = parseCaseListQuery(Object.fromEntries(new URLSearchParams(search)));
    expect(query).toMatchObject({
      status: ["OPEN", "PENDING"],
      businessUnit: ["Consumer"],
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

  it("takes instants as exact bounds (the reports' links, in the organisation's time zone) and keeps them", () => {
    const query = parseCaseListQuery({ createdFrom: "2026-11-01T23:00:00.000Z", createdTo: "2026-11-02T23:00:00+00:00", teamId: "none" });
    expect(query).toMatchObject({ createdFrom: new Date("2026-11-01T23:00:00.000Z"), createdTo: new Date("2026-11-02T23:00:00.000Z"), teamId: ["none"] });
    expect(Object.fromEntries(new URLSearchParams(caseListSearch(query)))).toMatchObject({ createdFrom: "2026-11-01T23:00:00.000Z", createdTo: "2026-11-02T23:00:00.000Z" });
    // A UTC midnight reads back as a day, so existing links stay as short as before.
    expect(caseListSearch(parseCaseListQuery({ createdFrom: "2026-11-01T00:00:00Z", createdTo: "2026-11-03T00:00:00Z" }))).toBe("?tab=all&createdFrom=2026-11-01&createdTo=2026-11-02");
    expect(parseCaseListQuery({ createdFrom: "2026-11-01T25:00" }).createdFrom).toBeUndefined();
  });

  it("several values, 'is not', and the tenant's words with commas in them", () => {
    const search =
      "?status=OPEN,PENDING&assigneeId=me,none&tag=billing,r%C3%A9clamation&category=Returns%2C+exchanges&category=Other&notPriority=LOW&notTag=spam";
    const query = parseCaseListQuery(Object.fromEntries([...new URLSearchParams(search).keys()].map((k) => [k, new URLSearchParams(search).getAll(k)])));
    expect(query).toMatchObject({
      status: ["OPEN", "PENDING"],
      assigneeId: ["me", "none"],
      tag: ["billing", "réclamation"],
      category: ["Returns, exchanges", "Other"],
      notPriority: ["LOW"],
      notTag: ["spam"],
    });
    expect(hasFilters(parseCaseListQuery({ notTag: "spam" }))).toBe(true);
    expect([...new URLSearchParams(caseListSearch(query))]).toEqual([...new URLSearchParams(search), ["tab", "all"]]);
    // A page further on keeps its cursor and number; the first page has neither.
    expect(caseListSearch({ status: ["OPEN"] }, { cursor: "abc", page: 3 })).toBe("?status=OPEN&cursor=abc&page=3");
    expect(caseListSearch({ tag: ["a", "b"], notChannel: ["EMAIL"] })).toBe("?tag=a%2Cb&notChannel=EMAIL");
  });

  it("reads the page number only with a cursor, and a missing or broken one as page 2", () => {
    expect(parsePage({ page: "4" }, null)).toBe(1);
    expect(parsePage({ page: "4" }, "c")).toBe(4);
    expect(parsePage({}, "c")).toBe(2);
    expect(parsePage({ page: "-3" }, "c")).toBe(2);
    expect(parsePage({ page: "1.5" }, "c")).toBe(2);
  });

  it("drops what it cannot read instead of failing the page", () => {
    const query = parseCaseListQuery({ createdFrom: "yesterday", customerId: "not-a-uuid", status: "OPEN" });
    expect(query.createdFrom).toBeUndefined();
    expect(query.customerId).toBeUndefined();
    expect(query.status).toEqual(["OPEN"]);
    // One bad value drops its field only, "is not" fields alike.
    expect(parseCaseListQuery({ assigneeId: "me,nobody", notStatus: "CLOSED,GONE", tag: "ok" })).toMatchObject({ tag: ["ok"] });
    expect(parseCaseListQuery({ assigneeId: "me,nobody", notStatus: "CLOSED,GONE" }).notStatus).toBeUndefined();
    expect(hasFilters(parseCaseListQuery({}))).toBe(false);
  });
});
