import { describe, expect, it } from "vitest";
import { auditChanges, constantInWords, fieldLabel, formatValue, idsInDiff, normaliseIp, type ChangeContext } from "./audit-changes";

const USER = "01a22d08-0000-7000-8000-000000000001";
const TEAM = "01a22d08-0000-7000-8000-000000000002";
const ctx: ChangeContext = {
  name: (kind, id) => (({ [`user:${USER}`]: "Ada Lovelace", [`team:${TEAM}`]: "Billing" }) as Record<string, string>)[`${kind}:${id}`] ?? `Deleted ${kind}`,
  timeZone: "Europe/Amsterdam",
};

describe("audit change formatting", () => {
  it("labels fields in words", () => {
    expect(fieldLabel("assigneeId")).toBe("Assignee");
    expect(fieldLabel("teamIds")).toBe("Teams");
    expect(fieldLabel("defaultAssigneeId")).toBe("Default assignee");
    expect(fieldLabel("removeTags")).toBe("Remove tags");
    expect(fieldLabel("sla_due")).toBe("Sla due");
    expect(fieldLabel("id")).toBe("Id");
  });

  it("formats values: enums, lists, booleans, dates in the zone, ids by name, objects", () => {
    expect(constantInWords("IN_PROGRESS")).toBe("In progress");
    expect(constantInWords("me")).toBe("me");
    expect(constantInWords("NEW")).toBe("New");
    expect(constantInWords("UTC")).toBe("UTC");
    expect(formatValue(null, ctx)).toBeNull();
    expect(formatValue([], ctx)).toBe("none");
    expect(formatValue(true, ctx)).toBe("Yes");
    expect(formatValue(12345, ctx)).toBe("12,345");
    expect(formatValue("2026-06-01T10:00:00.000Z", ctx)).toBe("Jun 1, 2026, 12:00 PM");
    expect(formatValue([USER, TEAM], ctx, "user")).toBe("Ada Lovelace, Deleted user");
    expect(formatValue("me", ctx, "user")).toBe("me");
    expect(formatValue({ status: ["OPEN"], teamId: TEAM, q: null }, ctx)).toBe("Status: Open; Team: Billing");
  });

  it("reads each diff shape as before → after", () => {
    expect(auditChanges("case.assigned", { from: null, to: USER }, ctx)).toEqual([
      { field: "assigneeId", label: "Assignee", before: null, after: "Ada Lovelace", changed: true },
    ]);
    expect(auditChanges("case.escalated", { from: null, to: "Tier 2", teamId: TEAM }, ctx)).toEqual([
      { field: "escalationLevel", label: "Escalation level", before: null, after: "Tier 2", changed: true },
      { field: "teamId", label: "Team", before: null, after: "Billing", changed: false },
    ]);
    expect(auditChanges("team.updated", { from: { name: "A", autoAssign: false }, to: { name: "B", autoAssign: false } }, ctx)).toEqual([
      { field: "name", label: "Name", before: "A", after: "B", changed: true },
    ]);
    expect(auditChanges("tenant.settings_updated", { timeZone: { from: "UTC", to: "Asia/Tokyo" } }, ctx)).toEqual([
      { field: "timeZone", label: "Time zone", before: "UTC", after: "Asia/Tokyo", changed: true },
    ]);
    expect(auditChanges("team.deleted", { name: "Billing", cases: 3 }, ctx)).toEqual([
      { field: "name", label: "Name", before: "Billing", after: null, changed: false },
      { field: "cases", label: "Cases", before: "3", after: null, changed: false },
    ]);
    expect(auditChanges("case.message_added", { messageId: USER, kind: "REPLY" }, ctx)).toEqual([
      { field: "kind", label: "Kind", before: null, after: "Reply", changed: false },
    ]);
    expect(auditChanges("export.created", { rows: 3, filter: { tab: "all", sort: "created", status: ["OPEN"], assigneeId: "me" } }, ctx)).toEqual([
      { field: "rows", label: "Rows", before: null, after: "3", changed: false },
      { field: "filter", label: "Cases", before: null, after: "Status: Open; Assignee: Me (whoever started it)", changed: false },
    ]);
    // Several values, and "is not": named as the list's chips name them.
    expect(
      auditChanges("export.created", { filter: { tab: "all", assigneeId: ["me", USER], notStatus: ["CLOSED"], notAssigneeId: ["none"] } }, ctx),
    ).toEqual([
      {
        field: "filter",
        label: "Cases",
        before: null,
        after: "Assignee: Me (whoever started it), Ada Lovelace; Status is not: Closed; Assignee is not: Unassigned",
        changed: false,
      },
    ]);
    expect(auditChanges("export.created", { filter: { tab: "all" } }, ctx)).toEqual([
      { field: "filter", label: "Cases", before: null, after: "All cases", changed: false },
    ]);
    expect(
      auditChanges("case.bulk_updated", { target: { ids: 2 }, changes: { assigneeId: USER, priority: "HIGH", removeTags: [] }, matched: 2, updated: 1 }, ctx),
    ).toEqual([
      { field: "target", label: "Cases", before: null, after: "2 selected", changed: false },
      { field: "assigneeId", label: "Assignee", before: null, after: "Ada Lovelace", changed: false },
      { field: "priority", label: "Priority", before: null, after: "High", changed: false },
      { field: "matched", label: "Matched", before: null, after: "2", changed: false },
      { field: "updated", label: "Updated", before: null, after: "1", changed: false },
    ]);
    expect(auditChanges("x", null, ctx)).toEqual([]);
  });

  it("finds the ids a diff names, with their kind", () => {
    expect(idsInDiff("case.assigned", { from: USER, to: null })).toEqual([{ kind: "user", id: USER }]);
    expect(idsInDiff("case.shared", { userIds: [USER], teamIds: [TEAM] })).toEqual([
      { kind: "user", id: USER },
      { kind: "team", id: TEAM },
    ]);
    expect(idsInDiff("alert.assigned", { from: { assigneeId: USER }, to: { teamId: TEAM } })).toEqual([
      { kind: "user", id: USER },
      { kind: "team", id: TEAM },
    ]);
    expect(idsInDiff("case.status_changed", { from: "OPEN", to: "CLOSED" })).toEqual([]);
  });

  it("strips the IPv4-mapped IPv6 prefix only", () => {
    expect(normaliseIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIp("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseIp("::ffff:abcd")).toBe("::ffff:abcd");
    expect(normaliseIp(null)).toBeNull();
  });
});
