import { describe, expect, it } from "vitest";
import { versusUsual } from "./pulse-words";

describe("versusUsual", () => {
  it("says the usual, and colours a surge amber at 1.5× and red at 3×", () => {
    expect(versusUsual(4, 4)).toEqual({ text: "usual 4" });
    expect(versusUsual(5, 3.75)).toEqual({ text: "usual 3.8" });
    expect(versusUsual(6, 4)).toEqual({ text: "1.5× the usual 4", tone: "amber" });
    expect(versusUsual(11, 4)).toEqual({ text: "2.8× the usual 4", tone: "amber" });
    expect(versusUsual(12, 4)).toEqual({ text: "3.0× the usual 4", tone: "red" });
  });

  it("an hour that is usually empty: quiet stays plain, anything arriving is amber", () => {
    expect(versusUsual(0, 0)).toEqual({ text: "none usually" });
    expect(versusUsual(2, 0)).toEqual({ text: "none usually", tone: "amber" });
  });
});
