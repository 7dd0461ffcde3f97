import { describe, expect, it } from "vitest";
import { tagSchema, transitionCaseSchema } from "./case";

describe("tagSchema", () => {
  it("accepts letters of any script, lower-cased and NFC-normalised", () => {
    expect(tagSchema.parse("Café")).toBe("café");
    // "é" typed as e + combining accent is the same tag as the precomposed one.
    expect(tagSchema.parse("cafe\u0301")).toBe("café");
    expect(tagSchema.parse("東京")).toBe("東京");
    expect(tagSchema.parse("Straße 2")).toBe("straße 2");
    expect(tagSchema.parse("vip_customer-1")).toBe("vip_customer-1");
  });

  it("refuses punctuation and a leading separator, saying what is allowed", () => {
    for (const bad of ["#billing", "-vip", "a,b", "emoji 🙂"]) {
      const result = tagSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Tags use letters, digits, spaces, - and _");
    }
  });
});

describe("transitionCaseSchema", () => {
  const id = "01a22d08-0000-7000-8000-000000000001";
  it("an undo names the version it takes back", () => {
    const result = transitionCaseSchema.safeParse({ id, to: "OPEN", revert: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["version"]);
    expect(transitionCaseSchema.safeParse({ id, to: "OPEN", revert: true, version: 3 }).success).toBe(true);
  });
});
