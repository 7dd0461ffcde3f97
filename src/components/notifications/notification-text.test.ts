import { describe, expect, it } from "vitest";
import { notificationHref, notificationText, snoozeChoices, titleWithCount, unreadBadge } from "./notification-text";

describe("notification text", () => {
  it("says who mentioned whom where, and when a snooze ended", () => {
    expect(notificationText({ type: "mention", case: { number: 12, title: "Refund" }, actor: { name: "Adam Admin" } })).toBe("Adam Admin mentioned you on #12");
    expect(notificationText({ type: "mention", case: null, actor: null })).toBe("Someone mentioned you on a case");
    expect(notificationText({ type: "snooze_ended", case: { number: 3, title: "x" }, actor: null })).toBe("Snooze ended: #3 is open again");
    expect(notificationText({ type: "sla_breach", case: { number: 3, title: "x" }, actor: null })).toBe("sla breach on #3");
  });

  it("caps the badge", () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(3)).toBe("3");
    expect(unreadBadge(42)).toBe("9+");
  });
});

describe("inbox words", () => {
  it("says who assigned or replied", () => {
    const c = { number: 12, title: "x" };
    expect(notificationText({ type: "assigned", case: c, actor: { name: "Adam" } })).toBe("Adam assigned #12 to you");
    expect(notificationText({ type: "reply", case: c, actor: null })).toBe("Someone replied on #12");
  });

  it("says who shared a case or a view, and who escalated a case (a rule is nobody)", () => {
    const c = { number: 12, title: "x" };
    expect(notificationText({ type: "share", case: c, actor: { name: "Ava" } })).toBe("Ava shared #12 with you");
    expect(notificationText({ type: "share", case: null, view: { name: "Urgent" }, actor: { name: "Ava" } })).toBe("Ava shared the view “Urgent” with you");
    expect(notificationText({ type: "escalated", case: c, actor: { name: "Ava" } })).toBe("Ava escalated #12");
    expect(notificationText({ type: "escalated", case: c, actor: { name: null } })).toBe("#12 was escalated");
  });

  it("prefixes the tab title with the count, replacing an earlier one, up to 99+", () => {
    expect(titleWithCount("Cases · Caseboard", 3)).toBe("(3) Cases · Caseboard");
    expect(titleWithCount("(3) Cases · Caseboard", 0)).toBe("Cases · Caseboard");
    expect(titleWithCount("(99+) Inbox", 120)).toBe("(99+) Inbox");
  });

  it("offers snoozes in the future: 3 hours, tomorrow 09:00, next Monday 09:00 (a week on, from a Monday)", () => {
    const monday = new Date(2026, 10, 30, 10, 30); // a Monday, 10:30 local time
    const [later, tomorrow, nextMonday] = snoozeChoices(monday).map((c) => c.until);
    expect(later!.getTime() - monday.getTime()).toBe(3 * 3_600_000);
    expect([tomorrow!.getDate(), tomorrow!.getHours()]).toEqual([1, 9]);
    expect([nextMonday!.getDay(), nextMonday!.getDate(), nextMonday!.getHours()]).toEqual([1, 7, 9]);
  });

  it("names a routed alert by its title, critical ones as such, and leads to it on the alerts page", () => {
    expect(notificationText({ type: "alert", case: null, actor: null, alert: { title: "Checkout errors", severity: "CRITICAL" } })).toBe("Critical alert: Checkout errors");
    expect(notificationText({ type: "alert", case: null, actor: null, alert: { title: "Email delayed", severity: "WARNING" } })).toBe("Alert: Email delayed");
    expect(notificationHref({ case: null, alert: { id: "a1" } }, "acme")).toBe("/t/acme/alerts?alert=a1");
    expect(notificationHref({ case: { number: 7 }, alert: { id: "a1" } }, "acme")).toBe("/t/acme/cases/7");
    expect(notificationHref({ case: null, view: { id: "v1" } }, "acme")).toBe("/t/acme/views/v1");
    expect(notificationHref({ case: null }, "acme")).toBe("/t/acme/cases");
  });
});
