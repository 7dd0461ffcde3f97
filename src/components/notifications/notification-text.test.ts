import { describe, expect, it } from "vitest";
import { notificationText, unreadBadge } from "./notification-text";

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
