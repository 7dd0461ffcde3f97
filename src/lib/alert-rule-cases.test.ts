import { describe, expect, it } from "vitest";
import { caseListSearch } from "@/components/cases/case-list-params";
import { parseCaseListQuery } from "@/components/cases/parse-case-list-query";
import { ruleCaseQuery } from "./alert-rule-cases";

const firedAt = new Date("2026-11-30T00:30:00Z");
const roundTrip = (query: ReturnType<typeof ruleCaseQuery>) => parseCaseListQuery(Object.fromEntries(new URLSearchParams(caseListSearch(query))));

describe("ruleCaseQuery", () => {
  it("a volume spike: the rule's scope over the days of the hour that spiked", () => {
    const query = ruleCaseQuery({ kind: "VOLUME_SPIKE", params: { scope: { channel: "EMAIL", businessUnit: "Retail", tag: "refund" }, zScore: 3, minCount: 10 } }, firedAt);
    // The hour began the day before (23:30), so both days are in.
    expect(caseListSearch(query)).toBe("?channel=EMAIL&tag=refund&businessUnit=Retail&createdFrom=2026-11-29&createdTo=2026-11-30");
    expect(roundTrip(query)).toMatchObject({ channel: ["EMAIL"], businessUnit: ["Retail"], tag: ["refund"], createdFrom: new Date("2026-11-29T00:00:00Z"), createdTo: new Date("2026-12-01T00:00:00Z") });
  });

  it("SLA breaches, unassigned age and backlog: the open cases the condition counts", () => {
    expect(roundTrip(ruleCaseQuery({ kind: "SLA_BREACHES", params: { threshold: 5, windowMinutes: 60 } }, firedAt))).toMatchObject({ sla: "breached", status: ["NEW", "OPEN", "PENDING", "SNOOZED"] });
    expect(roundTrip(ruleCaseQuery({ kind: "UNASSIGNED_AGE", params: { minutes: 30, threshold: 3 } }, firedAt))).toMatchObject({ assigneeId: ["none"], sort: "created", order: "asc" });
    const teamId = "0193a0b4-0000-7000-8000-000000000001";
    expect(roundTrip(ruleCaseQuery({ kind: "BACKLOG", params: { threshold: 100, businessUnit: "Retail", teamId } }, firedAt))).toMatchObject({ businessUnit: ["Retail"], teamId: [teamId] });
  });

  it("keywords: each phrase quoted, any of them matching, within the list's 200 characters", () => {
    const query = ruleCaseQuery({ kind: "KEYWORD", params: { phrases: ["data breach", 'say "outage"'], scope: { category: "Security" } } }, firedAt);
    expect(query).toEqual({ category: ["Security"], q: '"data breach" or "say  outage"' });
    const many = ruleCaseQuery({ kind: "KEYWORD", params: { phrases: Array.from({ length: 20 }, (_, i) => `${"x".repeat(90)}${i}`), scope: {} } }, firedAt);
    expect(many.q).toBe(`"${"x".repeat(90)}0" or "${"x".repeat(90)}1"`);
    expect(roundTrip(many).q).toBe(many.q);
  });
});
