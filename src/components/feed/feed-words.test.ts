import { describe, expect, it } from "vitest";
import { audienceText } from "./feed-words";

describe("audienceText", () => {
  const teams = new Map([["t1", "Billing"]]);
  it("names each audience, a team by its name, a deleted team as such", () => {
    expect(audienceText("EVERYONE", null, teams)).toBe("Everyone");
    expect(audienceText("BUSINESS_UNIT", "Retail", teams)).toBe("Business unit Retail");
    expect(audienceText("TEAM", "t1", teams)).toBe("Team Billing");
    expect(audienceText("TEAM", "t2", teams)).toBe("Team (deleted)");
    expect(audienceText("ROLE", "AGENT", teams)).toBe("Agents and up");
    expect(audienceText("ROLE", "ADMIN", teams)).toBe("Admins and owners");
  });
});
