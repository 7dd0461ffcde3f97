import { describe, expect, it } from "vitest";
import { fillPlaceholders, firstName, unknownPlaceholders } from "./canned-placeholders";

describe("canned response placeholders", () => {
  it("fills known placeholders, spaces inside the braces allowed, each occurrence", () => {
    expect(fillPlaceholders("Hi {{ customer.firstName }}, case #{{case.number}} ({{case.number}}). {{agent.name}}", {
      "customer.firstName": "Ada",
      "case.number": "42",
      "agent.name": "Grace Hopper",
    })).toBe("Hi Ada, case #42 (42). Grace Hopper");
  });

  it("leaves a placeholder without a value empty, without a stray space before a comma", () => {
    expect(fillPlaceholders("Hi {{customer.name}}, thanks for writing.", {})).toBe("Hi, thanks for writing.");
  });

  it("keeps unknown placeholders as written, and lists them once each", () => {
    expect(fillPlaceholders("{{customer.nam}} {{x}}", { "customer.name": "Ada" })).toBe("{{customer.nam}} {{x}}");
    expect(unknownPlaceholders("{{customer.nam}} {{agent.name}} {{customer.nam}} {{constructor}}")).toEqual(["customer.nam", "constructor"]);
    expect(unknownPlaceholders("No placeholders, {single} braces and {{ }} stay")).toEqual([]);
  });

  it("takes the first word of a name", () => {
    expect(firstName("  Ada   Lovelace ")).toBe("Ada");
    expect(firstName(null)).toBe("");
  });
});
