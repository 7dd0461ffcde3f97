// One notification in words, for the bell's list. Pure, so it is tested without a browser.
interface NotificationLike {
  type: string;
  case: { number: number; title: string } | null;
  actor: { name: string | null } | null;
  /** A shared saved view (a share without a case). */
  view?: { name: string } | null;
  /** An alert routed to the member (type "alert"). */
  alert?: { title: string; severity: string } | null;
}

export function notificationText(n: NotificationLike): string {
  const where = n.case ? `#${n.case.number}` : "a case";
  switch (n.type) {
    case "mention":
      return `${n.actor?.name ?? "Someone"} mentioned you on ${where}`;
    case "assigned":
      return `${n.actor?.name ?? "Someone"} assigned ${where} to you`;
    case "reply":
      return `${n.actor?.name ?? "Someone"} replied on ${where}`;
    case "snooze_ended":
      return `Snooze ended: ${where} is open again`;
    case "share":
      return `${n.actor?.name ?? "Someone"} shared ${n.view ? `the view “${n.view.name}”` : where} with you`;
    case "escalated":
      // A rule's escalation has no person behind it.
      return n.actor?.name ? `${n.actor.name} escalated ${where}` : `${where.charAt(0).toUpperCase()}${where.slice(1)} was escalated`;
    case "alert":
      // Raised by a rule, a script or monitoring: nobody to name.
      return n.alert ? `${n.alert.severity === "CRITICAL" ? "Critical alert" : "Alert"}: ${n.alert.title}` : "An alert was routed to you";
    default:
      return `${n.type.replaceAll("_", " ")} on ${where}`;
  }
}

/** Where a notification leads: its case, the shared view (through its link page), or the alerts. */
export function notificationHref(
  n: { case: { number: number } | null; view?: { id: string } | null; alert?: { id: string } | null },
  slug: string,
): string {
  if (n.case) return `/t/${slug}/cases/${n.case.number}`;
  if (n.view) return `/t/${slug}/views/${n.view.id}`;
  if (n.alert) return `/t/${slug}/alerts?alert=${n.alert.id}`;
  return `/t/${slug}/cases`;
}

/** "9+" keeps the badge two characters wide. */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 9 ? "9+" : String(count);
}

/** "(3) Cases · Caseboard": the tab shows the open unread count ahead of the page's own title. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, "");
  return count > 0 ? `(${count > 99 ? "99+" : count}) ${bare}` : bare;
}

export interface SnoozeChoice {
  label: string;
  until: Date;
}

/** Later today (3 h), tomorrow at 09:00 and next Monday at 09:00, in the viewer's zone. */
export function snoozeChoices(now: Date): SnoozeChoice[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const monday = new Date(now);
  monday.setDate(now.getDate() + (((8 - now.getDay()) % 7) || 7));
  monday.setHours(9, 0, 0, 0);
  return [
    { label: "In 3 hours", until: new Date(now.getTime() + 3 * 3_600_000) },
    { label: "Tomorrow, 09:00", until: tomorrow },
    { label: "Next Monday, 09:00", until: monday },
  ];
}
