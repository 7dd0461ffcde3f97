import { describe, expect, it } from "vitest";
import { initials, replyingText } from "./case-presence-text";

describe("presence words", () => {
  it("initials: first and last word, upper case, whole characters", () => {
    expect(initials("Ava Stone")).toBe("AS");
    expect(initials("  ben  ")).toBe("B");
    expect(initials("Mary Ann de Vries")).toBe("MV");
    expect(initials("Émile Zola")).toBe("ÉZ");
    expect(initials("")).toBe("?");
  });

  it("replying: names one or two, counts the rest", () => {
    expect(replyingText([])).toBeNull();
    expect(replyingText(["Ava"])).toBe("Ava is replying…");
    expect(replyingText(["Ava", "Ben"])).toBe("Ava and Ben are replying…");
    expect(replyingText(["Ava", "Ben", "Cy"])).toBe("Ava, Ben and 1 other are replying…");
    expect(replyingText(["Ava", "Ben", "Cy", "Di"])).toBe("Ava, Ben and 2 others are replying…");
  });
});
