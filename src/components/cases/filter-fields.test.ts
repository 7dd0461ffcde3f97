import { describe, expect, it } from "vitest";
import { parseCaseListQuery } from "./parse-case-list-query";
import { chipsOf, chipText, flipChip, setChip, toggleValue, type FilterContext } from "./filter-fields";

const ctx: FilterContext = {
  members: [
    { userId: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f51", name: "Ada Lovelace", role: "AGENT" },
    { userId: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f52", name: "Vic Viewer", role: "VIEWER" },
  ],
  teams: [{ id: "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f53", name: "Billing" }],
  categories: ["Question"],
  businessUnits: [],
};

describe("filter chips", () => {
  it("show each field of the query once per operator, in the fields' order", () => {
    const query = parseCaseListQuery({ tag: "vip", status: "OPEN,PENDING", notStatus: "CLOSED", notAssigneeId: "none" });
    expect(chipsOf(query)).toEqual([
      { key: "status", negated: false, values: ["OPEN", "PENDING"] },
      { key: "status", negated: true, values: ["CLOSED"] },
      { key: "assigneeId", negated: true, values: ["none"] },
      { key: "tag", negated: false, values: ["vip"] },
    ]);
    expect(chipsOf(parseCaseListQuery({}))).toEqual([]);
  });

  it("rewrite the query: values set or cleared, 'is' flipped to 'is not' with its values", () => {
    expect(setChip({ key: "priority", negated: false }, ["HIGH"])).toEqual({ priority: ["HIGH"] });
    expect(setChip({ key: "priority", negated: true }, [])).toEqual({ notPriority: undefined });
    expect(flipChip({ key: "tag", negated: false, values: ["vip"] })).toEqual({ tag: undefined, notTag: ["vip"] });
    expect(flipChip({ key: "tag", negated: true, values: ["vip"] })).toEqual({ notTag: undefined, tag: ["vip"] });
    expect(toggleValue(["a", "b"], "a")).toEqual(["b"]);
    expect(toggleValue(["b"], "a")).toEqual(["b", "a"]);
  });

  it("name their values in words: members, teams, statuses; many values as a count", () => {
    expect(chipText({ key: "assigneeId", negated: false, values: ["me", ctx.members[0]!.userId] }, ctx)).toBe("Me, Ada Lovelace");
    expect(chipText({ key: "teamId", negated: false, values: [ctx.teams[0]!.id] }, ctx)).toBe("Billing");
    expect(chipText({ key: "teamId", negated: false, values: ["0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f59"] }, ctx)).toBe("Unknown");
    expect(chipText({ key: "status", negated: true, values: ["NEW", "OPEN", "PENDING"] }, ctx)).toBe("3 values");
    expect(chipText({ key: "tag", negated: false, values: ["vip"] }, ctx)).toBe("vip");
  });
});
