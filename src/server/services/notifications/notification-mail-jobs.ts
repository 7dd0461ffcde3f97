// Notification mail as background jobs, so a request never waits on SMTP and a failed send is
// retried. "immediate": a tenant job per batch of new notifications, enqueued in the transaction
// that made them (a rolled-back change mails nobody). Digests: an hourly platform task finds the
// tenants with unread notifications some member wants in a digest and enqueues one tenant job
// each when it is DIGEST_HOUR in the tenant's time zone (or the oldest waiting item is over a
// day old, so a missed hour delays a digest by at most a day). `emailedAt` marks what went out,
// so a retried or repeated job never mails an item twice.
import { z } from "zod";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import type { TenantDb } from "@/server/db/tenant-db";
import { defineJob, registerJob } from "@/server/jobs";
import { sendMail } from "@/server/mail";
import { DIGEST_HOUR } from "@/lib/notification-kinds";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import { digestMail, itemMail, type MailItem, type MailTenant } from "./notification-mail";
import { enqueuePerTenant } from "@/server/jobs/per-tenant";
import { tenantKey } from "@/server/db/tenant-scope";

const DAY_MS = 24 * 60 * 60_000;
/** One digest holds at most this many items (the newest); the rest are in the inbox. */
const DIGEST_LIMIT = 100;

const itemSelect = {
  id: true,
  type: true,
  createdAt: true,
  actorId: true,
  note: true,
  userId: true,
  case: { select: { number: true, title: true } },
  view: { select: { id: true, name: true } },
  alert: { select: { title: true } },
} as const;

async function tenantOf(db: TenantDb): Promise<MailTenant> {
  return db.tenant.findFirstOrThrow({ select: { name: true, slug: true } });
}

async function namesOf(db: TenantDb, ids: (string | null)[]): Promise<Map<string, { name: string; email: string }>> {
  const uuids = [...new Set(ids.filter((id): id is string => !!id && z.uuid().safeParse(id).success))];
  const users = uuids.length ? await db.user.findMany({ where: { id: { in: uuids } }, select: { id: true, name: true, email: true } }) : [];
  return new Map(users.map((u) => [u.id, u]));
}

export const notificationMailJob = registerJob(
  defineJob({
    type: "notifications.mail",
    scope: "tenant",
    payload: z.object({ ids: z.array(z.uuid()).min(1).max(1000) }),
    // Each mail is marked sent in a transaction of its own, right after it went out: in one
    // transaction for the whole batch, a send failing part-way rolled back the marks of the mails
    // already sent, and the retry sent them again. No transaction waits on SMTP either.
    transaction: "per-call",
    maxAttempts: 5,
    timeoutMs: 60_000,
    async handler({ ids }, { withDb }) {
      const batch = await withDb(async (db) => {
        const rows = await db.notification.findMany({ where: { id: { in: ids }, emailedAt: null }, select: itemSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
        if (rows.length === 0) return null;
        const [tenant, people] = await Promise.all([tenantOf(db), namesOf(db, rows.flatMap((r) => [r.userId, r.actorId]))]);
        return { rows, tenant, people };
      });
      if (!batch) return { sent: 0 };
      let sent = 0;
      for (const row of batch.rows) {
        const to = batch.people.get(row.userId)?.email;
        if (!to) continue;
        const item: MailItem = { ...row, actorName: row.actorId ? (batch.people.get(row.actorId)?.name ?? null) : null };
        await sendMail(itemMail(to, batch.tenant, item));
        // Marked one by one: a failure part-way retries only what has not gone out.
        await withDb((db) => db.notification.update({ where: tenantKey(row.id), data: { emailedAt: new Date() }, select: { id: true } }));
        sent++;
      }
      return { sent };
    },
  }),
);

/** Enqueues the mail of new notifications in the caller's transaction. */
export async function enqueueNotificationMail(db: TenantDb, ids: string[]): Promise<void> {
  const { enqueue } = await import("@/server/jobs/queue");
  await enqueue(notificationMailJob, { ids }, { db });
}

/** Unread, un-mailed notifications of kinds their member wants in a digest, for one tenant. */
async function pendingDigestItems(db: TenantDb) {
  const prefs = await db.notificationPreference.findMany({ where: { email: "digest" }, select: { userId: true, kind: true } });
  if (prefs.length === 0) return [];
  return db.notification.findMany({
    where: { emailedAt: null, readAt: null, OR: prefs.map((p) => ({ userId: p.userId, type: p.kind })) },
    select: itemSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export const notificationDigestForTenantJob = registerJob(
  defineJob({
    type: "notifications.digest-tenant",
    scope: "tenant",
    payload: z.object({}),
    // As for single mails: each member's digest is marked in its own transaction once it went out.
    transaction: "per-call",
    maxAttempts: 3,
    timeoutMs: 5 * 60_000,
    async handler(_payload, { withDb }) {
      const pending = await withDb(async (db) => {
        const rows = await pendingDigestItems(db);
        if (rows.length === 0) return null;
        const [tenant, people] = await Promise.all([tenantOf(db), namesOf(db, rows.flatMap((r) => [r.userId, r.actorId]))]);
        return { rows, tenant, people };
      });
      if (!pending) return { digests: 0 };
      const { rows, tenant, people } = pending;
      const byUser = new Map<string, typeof rows>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      let digests = 0;
      for (const [userId, items] of byUser) {
        const to = people.get(userId)?.email;
        if (!to) continue;
        const mailItems = items.slice(0, DIGEST_LIMIT).map((r) => ({ ...r, actorName: r.actorId ? (people.get(r.actorId)?.name ?? null) : null }));
        await sendMail(digestMail(to, tenant, mailItems));
        // Everything pending is marked, also past the limit: the next digest starts afresh.
        await withDb((db) => db.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { emailedAt: new Date() } }));
        digests++;
      }
      return { digests };
    },
  }),
);

/** The tenant's local hour at `now`. */
function localHour(timeZone: string, now: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
}

export const notificationDigestJob = registerJob(
  defineJob({
    type: "notifications.digest",
    scope: "system",
    transaction: "per-call",
    payload: z.object({}),
    maxAttempts: 3,
    timeoutMs: 60_000,
    async handler(_payload, { withDb, logger }) {
      const now = new Date();
      const pending = await withDb((db) => tenantsWithPendingDigests(db));
      const due = pending.filter((t) => localHour(parseTenantSettings(t.settings).timeZone, now) === DIGEST_HOUR || now.getTime() - t.oldest.getTime() >= DAY_MS);
      const enqueued = await enqueuePerTenant(notificationDigestForTenantJob, due.map((t) => t.tenantId), "notifications.digest");
      if (enqueued > 0) logger.info({ tenants: enqueued }, "enqueued notification digests");
      return { tenants: enqueued };
    },
  }),
);

async function tenantsWithPendingDigests(db: PrivilegedDb): Promise<{ tenantId: string; settings: unknown; oldest: Date }[]> {
  return db.$queryRaw<{ tenantId: string; settings: unknown; oldest: Date }[]>`
    SELECT n.tenant_id AS "tenantId", t.settings, min(n.created_at) AS oldest
    FROM notifications n
    JOIN notification_preferences p ON p.tenant_id = n.tenant_id AND p.user_id = n.user_id AND p.kind = n.type AND p.email = 'digest'
    JOIN tenants t ON t.id = n.tenant_id AND t.status = 'ACTIVE'
    WHERE n.emailed_at IS NULL AND n.read_at IS NULL
    GROUP BY n.tenant_id, t.settings`;
}

export const DIGEST_JOB_TYPE = notificationDigestJob.type;
