// The words of notification mail: one item (sent immediately) or a member's daily digest. Plain
// text first, with a small HTML twin; every link goes to the app, where access is checked again.
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notification-kinds";
import { escapeHtml, type MailMessage } from "@/server/mail";
import { absoluteUrl } from "@/server/http/public-url";

export interface MailItem {
  type: string;
  createdAt: Date;
  actorName: string | null;
  note: string | null;
  case: { number: number; title: string } | null;
  view: { id: string; name: string } | null;
  /** Type "alert": the alert routed to the member. */
  alert?: { title: string } | null;
}

export interface MailTenant {
  name: string;
  slug: string;
}

const VERBS: Record<NotificationKind, string> = {
  mention: "mentioned you on",
  assigned: "assigned you",
  reply: "replied on",
  share: "shared",
  escalated: "escalated",
  snooze_ended: "Snooze ended on",
  alert: "Alert:",
};

const isKind = (type: string): type is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(type);

function subjectOf(item: MailItem): string {
  const what = item.case ? `#${item.case.number} ${item.case.title}` : item.view ? `the view "${item.view.name}"` : item.alert ? item.alert.title : "an item";
  const verb = isKind(item.type) ? VERBS[item.type] : item.type;
  // Nobody "did" these: the clock ended a snooze, a source raised an alert.
  if (item.type === "snooze_ended" || item.type === "alert") return `${verb} ${what}`;
  return `${item.actorName ?? "Someone"} ${verb} ${what}`;
}

function linkOf(item: MailItem, tenant: MailTenant): string {
  if (item.case) return absoluteUrl(`/t/${tenant.slug}/cases/${item.case.number}`);
  if (item.alert) return absoluteUrl(`/t/${tenant.slug}/alerts`);
  // A view's filters are applied from the inbox item, which reads them as the member.
  return absoluteUrl(`/t/${tenant.slug}/inbox`);
}

function lineOf(item: MailItem, tenant: MailTenant): { text: string; html: string } {
  const subject = subjectOf(item);
  const link = linkOf(item, tenant);
  const note = item.note ? `\n  “${item.note}”` : "";
  return {
    text: `- ${subject}${note}\n  ${link}`,
    html: `<li><a href="${escapeHtml(link)}">${escapeHtml(subject)}</a>${item.note ? `<br><q>${escapeHtml(item.note)}</q>` : ""}</li>`,
  };
}

const footer = (tenant: MailTenant) => {
  const prefs = absoluteUrl(`/t/${tenant.slug}/settings/notifications`);
  return { text: `\n\nChoose which mail you get: ${prefs}`, html: `<p><small><a href="${escapeHtml(prefs)}">Choose which mail you get</a></small></p>` };
};

export function itemMail(to: string, tenant: MailTenant, item: MailItem): MailMessage {
  const line = lineOf(item, tenant);
  const f = footer(tenant);
  return {
    to,
    subject: `[${tenant.name}] ${subjectOf(item)}`,
    text: `${line.text}${f.text}`,
    html: `<ul>${line.html}</ul>${f.html}`,
  };
}

export function digestMail(to: string, tenant: MailTenant, items: MailItem[]): MailMessage {
  const byKind = new Map<string, MailItem[]>();
  for (const item of items) byKind.set(item.type, [...(byKind.get(item.type) ?? []), item]);
  const sections = [...byKind].map(([type, list]) => {
    const title = isKind(type) ? NOTIFICATION_KIND_LABELS[type].label : type;
    const lines = list.map((i) => lineOf(i, tenant));
    return { text: `${title}\n${lines.map((l) => l.text).join("\n")}`, html: `<h3>${escapeHtml(title)}</h3><ul>${lines.map((l) => l.html).join("")}</ul>` };
  });
  const f = footer(tenant);
  const count = `${items.length} ${items.length === 1 ? "notification" : "notifications"}`;
  return {
    to,
    subject: `[${tenant.name}] Your daily digest: ${count}`,
    text: `${count} you have not read yet, in ${tenant.name}:\n\n${sections.map((s) => s.text).join("\n\n")}\n\nYour inbox: ${absoluteUrl(`/t/${tenant.slug}/inbox`)}${f.text}`,
    html: `<p>${escapeHtml(count)} you have not read yet, in <strong>${escapeHtml(tenant.name)}</strong>:</p>${sections.map((s) => s.html).join("")}${f.html}`,
  };
}
