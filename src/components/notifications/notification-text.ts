// One notification in words, for the bell's list. Pure, so it is tested without a browser.
interface NotificationLike {
  type: string;
  case: { number: number; title: string } | null;
  actor: { name: string | null } | null;
}

export function notificationText(n: NotificationLike): string {
  const where = n.case ? `#${n.case.number}` : "a case";
  switch (n.type) {
    case "mention":
      return `${n.actor?.name ?? "Someone"} mentioned you on ${where}`;
    case "snooze_ended":
      return `Snooze ended: ${where} is open again`;
    default:
      return `${n.type.replaceAll("_", " ")} on ${where}`;
  }
}

/** "9+" keeps the badge two characters wide. */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 9 ? "9+" : String(count);
}
