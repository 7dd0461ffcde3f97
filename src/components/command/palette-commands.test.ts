import { describe, expect, it } from "vitest";
import { caseActions, matches, pageCommands, parseCaseNumber, searchTerm } from "./palette-commands";

describe("command palette commands", () => {
  it("reads case numbers with or without #, and nothing else", () => {
    expect(parseCaseNumber("#1042")).toBe(1042);
    expect(parseCaseNumber(" 1042 ")).toBe(1042);
    expect(parseCaseNumber("# 7")).toBe(7);
    expect(parseCaseNumber("#0")).toBeNull();
    expect(parseCaseNumber("1042 refund")).toBeNull();
    expect(parseCaseNumber("12345678901")).toBeNull();
    expect(parseCaseNumber("")).toBeNull();
  });

  it("searches text of two or more characters that is not a case number", () => {
    expect(searchTerm("r")).toBeNull();
    expect(searchTerm("#12")).toBeNull();
    expect(searchTerm("  refund ")).toBe("refund");
  });

  it("lists pages, hiding Imports from members who cannot import", () => {
    const ids = (canImport: boolean) => pageCommands("acme", { canImport }).map((p) => p.id);
    expect(ids(true)).toContain("imports");
    expect(ids(false)).not.toContain("imports");
    expect(pageCommands("acme", { canImport: false }).find((p) => p.id === "cases-mine")?.href).toBe("/t/acme/cases?tab=mine");
    // The operations pages, found by what people call them too.
    const found = (text: string) => pageCommands("acme", { canImport: false }).filter((p) => matches(text, p.label, p.keywords)).map((p) => p.href);
    expect(found("incid")).toEqual(["/t/acme/alerts"]);
    expect(found("announce")).toEqual(["/t/acme/feed"]);
  });

  it("matches every typed word against label and keywords", () => {
    expect(matches("", "Customers")).toBe(true);
    expect(matches("cust", "Customers")).toBe(true);
    expect(matches("cases mine", "Cases: Mine")).toBe(true);
    expect(matches("my", "Cases: Mine", ["my", "assigned"])).toBe(true);
    expect(matches("jobs settings", "Jobs")).toBe(false);
    expect(matches("ref", "Settings", ["members", "preferences"])).toBe(false);
  });

  it("offers assign and resolve only where they apply", () => {
    expect(caseActions("OPEN", true).map((a) => a.id)).toEqual(["assign-to-me", "resolve"]);
    expect(caseActions("RESOLVED", true).map((a) => a.id)).toEqual(["assign-to-me"]);
    expect(caseActions("CLOSED", true)).toEqual([]);
    expect(caseActions("OPEN", false)).toEqual([]);
  });
});
