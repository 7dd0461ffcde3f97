import { describe, expect, it } from "vitest";
import { parsePhrases, ruleConditionText } from "./alert-rule-text";

describe("alert rule text", () => {
  it("says each kind's condition with its numbers and scope", () => {
    expect(ruleConditionText("VOLUME_SPIKE", { zScore: 2.5, minCount: 10, scope: { channel: "EMAIL", businessUnit: "Consumer" } })).toBe(
      "New cases in the last hour (channel email, Consumer) 2.5σ above the usual for that hour of the week, and at least 10 cases",
    );
    expect(ruleConditionText("SLA_BREACHES", { threshold: 5, windowMinutes: 60 })).toBe("5 SLA breaches or more within 60 minutes");
    expect(ruleConditionText("UNASSIGNED_AGE", { threshold: 1, minutes: 30 })).toBe("1 open case or more unassigned for over 30 minutes");
    expect(ruleConditionText("BACKLOG", { threshold: 1500, businessUnit: "Business" })).toBe("1,500 open cases or more in Business");
    expect(ruleConditionText("KEYWORD", { phrases: ["outage", "data breach"], scope: {} })).toBe("A new case mentions “outage” or “data breach”");
  });

  it("reads phrases one per line or comma-separated", () => {
    expect(parsePhrases(" outage,\ndata breach \n\n, down ")).toEqual(["outage", "data breach", "down"]);
    expect(parsePhrases(" , \n")).toEqual([]);
  });
});
