import { describe, expect, it } from "vitest";
import { splitTypedQuery } from "./typed-query";
import { similarityWords } from "./search-cases";

describe("splitTypedQuery", () => {
  it.each([
    ["prin", { complete: "", prefix: "prin" }],
    ["paper jam prin", { complete: "paper jam", prefix: "prin" }],
    ["  printer  ", { complete: "", prefix: "printer" }],
    // The parser splits at anything but letters and digits: the earlier pieces are whole words.
    ["e-mai", { complete: "e", prefix: "mai" }],
    ["refund ORDER-12", { complete: "refund ORDER", prefix: "12" }],
    ["Überwe", { complete: "", prefix: "Überwe" }],
  ])("%j → the last word as a prefix", (q, expected) => {
    expect(splitTypedQuery(q)).toEqual(expected);
  });

  it.each(['"paper jam"', '"paper ja', "refund -order", "refund or", "refund OR", "'", "&|!():*<->", '"'])(
    "%j → websearch syntax, no prefix",
    (q) => {
      expect(splitTypedQuery(q)).toEqual({ complete: q, prefix: null });
    },
  );

  it("keeps only letters and digits in the prefix, so to_tsquery never sees syntax", () => {
    expect(splitTypedQuery("printer's")).toEqual({ complete: "printer", prefix: "s" });
    expect(splitTypedQuery("a:*|b")).toEqual({ complete: "a", prefix: "b" });
    expect(splitTypedQuery("x\\'y")).toEqual({ complete: "x", prefix: "y" });
  });
});

describe("similarityWords", () => {
  it.each([
    ["Printre", ["printre"]],
    ['"paper jamm" -fire or tray', null],
    ["printer -fire", null],
    ["printre or scaner", null],
    ["order arrived", ["order", "arrived"]],
    ["  ab ", null],
    ["a-b-c", null],
    ["-excluded", null],
    ["Ordre", ["ordre"]],
    // Words of three letters or more (a trigram needs them).
    ["Café #12 ab", ["café"]],
  ])("%j → %j", (q, expected) => {
    expect(similarityWords(q)).toEqual(expected);
  });
});
