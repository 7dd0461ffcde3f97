import { describe, expect, it } from "vitest";
import { splitTags, withTag } from "./tag-suggestions";

describe("tags typed as one comma-separated field", () => {
  it("tells the finished tags from the word being typed", () => {
    expect(splitTags("")).toEqual({ done: [], typing: "" });
    expect(splitTags("Billing, v")).toEqual({ done: ["billing"], typing: "v" });
    expect(splitTags("billing, vip, ")).toEqual({ done: ["billing", "vip"], typing: "" });
  });

  it("puts a picked tag in place of the unfinished word, ready for the next", () => {
    expect(withTag("billing, v", "vip")).toBe("billing, vip, ");
    expect(withTag("", "réclamation")).toBe("réclamation, ");
    expect(withTag("a,,b, ", "c")).toBe("a, b, c, ");
  });
});
