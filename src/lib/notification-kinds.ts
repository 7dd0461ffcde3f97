// The kinds of inbox notification and how a member may receive each. Shared by the server (which
// stores and honours preferences) and the preferences form.
export const NOTIFICATION_KINDS = ["mention", "assigned", "reply", "share", "escalated", "snooze_ended", "alert"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  mention: { label: "Mentions", hint: "Someone @mentions you in a note or reply" },
  assigned: { label: "Assignments", hint: "A case is assigned to you or to a team of yours" },
  reply: { label: "Replies on followed cases", hint: "A new message on a case you follow" },
  share: { label: "Shares", hint: "Someone shares a case or a view with you" },
  escalated: { label: "Escalations", hint: "A case is escalated to you or your team" },
  snooze_ended: { label: "Snoozes ending", hint: "A case you snoozed wants attention again" },
  alert: { label: "Alerts", hint: "An alert is raised for, or assigned to, you or a team of yours" },
};

/** "off": no mail; "immediate": one mail per notification, within a minute; "digest": one mail a day. */
export const EMAIL_MODES = ["off", "immediate", "digest"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface NotificationPreferenceValue {
  kind: NotificationKind;
  inApp: boolean;
  email: EmailMode;
}

/** Without a stored preference: in the inbox, no mail (mail is opt-in, inbox is not). */
export const DEFAULT_PREFERENCE = { inApp: true, email: "off" } as const satisfies Omit<NotificationPreferenceValue, "kind">;

/** Local hour (in the tenant's time zone) at which daily digests go out: the start of most working days. */
export const DIGEST_HOUR = 8;
