import { describe, expect, it } from "vitest";
import { cannedAt, suggestCanned } from "./canned-suggestions";

describe("the composer's / search", () => {
  it("opens at a slash that starts a line or follows a space, with the partial (spaces allowed)", () => {
    expect(cannedAt("/", 1)).toEqual({ start: 0, query: "" });
    expect(cannedAt("Thanks!\n/Refund pol", 19)).toEqual({ start: 8, query: "refund pol" });
    expect(cannedAt("See /ship", 9)).toEqual({ start: 4, query: "ship" });
  });

  it("stays closed inside paths, URLs, and/or, after '/ ' and past the caret's line", () => {
    expect(cannedAt("and/or", 6)).toBeNull();
    expect(cannedAt("https://example.test/path", 25)).toBeNull();
    expect(cannedAt("/ then text", 11)).toBeNull();
    expect(cannedAt("/refund\nnext line", 17)).toBeNull();
  });

  it("ranks titles that start with the partial before other matches, texts included", () => {
    const responses = [
      { title: "Shipping times", body: "We ship in 2 days" },
      { title: "Refund policy", body: "Refunds take 5 days" },
      { title: "Damaged parcel", body: "Send a photo; we refund or reship" },
    ];
    expect(suggestCanned(responses, "ref").map((r) => r.title)).toEqual(["Refund policy", "Damaged parcel"]);
    expect(suggestCanned(responses, "").length).toBe(3);
    expect(suggestCanned(responses, "nothing like it")).toEqual([]);
  });
});
