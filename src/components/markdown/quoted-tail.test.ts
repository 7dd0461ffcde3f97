import { describe, expect, it } from "vitest";
import { splitQuotedTail } from "./quoted-tail";

describe("splitQuotedTail", () => {
  it("folds the quoted conversation under a reply, with its attribution line", () => {
    const body = "Still broken, sorry.\n\nOn Mon, 1 Dec 2026 at 10:00, Ava Agent wrote:\n> Could you try again?\n>\n> Ava\n";
    expect(splitQuotedTail(body)).toEqual({
      main: "Still broken, sorry.",
      quoted: "On Mon, 1 Dec 2026 at 10:00, Ava Agent wrote:\n> Could you try again?\n>\n> Ava",
    });
  });

  it("folds a quote without attribution, blank lines inside it included", () => {
    expect(splitQuotedTail("Yes.\n> first\n\n> second")).toEqual({ main: "Yes.", quoted: "> first\n\n> second" });
  });

  it("leaves quotes in the middle, messages without quotes and messages that are only a quote alone", () => {
    const middle = "> you said\nand I answer here";
    expect(splitQuotedTail(middle)).toEqual({ main: middle, quoted: null });
    expect(splitQuotedTail("Plain message")).toEqual({ main: "Plain message", quoted: null });
    expect(splitQuotedTail("> only a quote")).toEqual({ main: "> only a quote", quoted: null });
  });
});
