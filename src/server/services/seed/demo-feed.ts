// The demo tenants' feed, telling the same story as their alerts (demo-seed.ts): a pinned
// announcement from the owner, the checkout alert that is still firing, the e-mail delay that was
// resolved, and the nightly CRM sync's import with its 3 rejected rows. The system's items are
// keyed and expire as feed-events.ts would have posted them.
import { SYSTEM_ITEM_TTL_MS } from "@/lib/validations/feed";
import type { PrivilegedDb } from "@/server/db/privileged-db";

const ANNOUNCEMENT = `From Monday, the **Billing** team answers refund questions first.

- Tag refund cases with \`refund\` so they reach Billing's queue
- Anything urgent: escalate to *Tier 2* as usual`;

export async function seedFeed(tx: PrivilegedDb, tenantId: string, ownerId: string, now: number): Promise<void> {
  const minutes = (m: number) => new Date(now - m * 60_000);
  const alertId = async (title: string) => (await tx.alert.findFirstOrThrow({ where: { tenantId, title }, select: { id: true } })).id;
  const system = (postedMinutesAgo: number) => ({ createdAt: minutes(postedMinutesAgo), expiresAt: new Date(now - postedMinutesAgo * 60_000 + SYSTEM_ITEM_TTL_MS) });
  const checkout = await alertId("Checkout error rate above 5 %");
  const mail = await alertId("Email channel delayed");
  await tx.feedItem.createMany({
    data: [
      {
        tenantId,
        kind: "ANNOUNCEMENT",
        title: "Refund questions now go to Billing",
        body: ANNOUNCEMENT,
        link: "/cases?tag=refund",
        priority: "PINNED",
        authorId: ownerId,
        createdAt: minutes(60 * 26),
      },
      {
        tenantId,
        kind: "ALERT_FIRED",
        title: "Checkout error rate above 5 %",
        body: "HTTP 5xx on /api/checkout above 5 % for 10 minutes.",
        link: `/alerts?alert=${checkout}`,
        priority: "HIGH",
        dedupeKey: `alert:${checkout}:fired:${minutes(45).toISOString()}`,
        ...system(45),
      },
      {
        tenantId,
        kind: "ALERT_RESOLVED",
        title: "Resolved: Email channel delayed",
        body: "The mail provider's incident is over; the backlog was delivered.",
        link: `/alerts?alert=${mail}`,
        priority: "LOW",
        dedupeKey: `alert:${mail}:resolved:${minutes(60 * 5).toISOString()}`,
        ...system(60 * 5),
      },
      {
        tenantId,
        kind: "IMPORT_FINISHED",
        title: "Import of customers finished: 37 imported, 0 duplicates, 3 rejected",
        link: "/imports",
        priority: "NORMAL",
        dedupeKey: "demo:nightly-crm-sync",
        ...system(60 * 9),
        // As the system posts them: for those who may open the imports page.
        audienceKind: "ROLE",
        audienceValue: "ADMIN",
      },
    ],
  });
}
