// The hourly purge of expired feed items: across tenants, in bounded batches, oldest expiry first,
// and nothing that has not expired.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { purgeExpiredFeedItems } from "@/server/services/feed/purge-expired-feed-items";
import { createTestTenant } from "@/test/factories";
import { createTestFeedItem } from "@/test/feed-fixtures";
import { recurringTasks } from ".";
import { enqueue } from "../queue";
import { readJob, runOnly } from "../test-kit";
import { purgeExpiredFeedItemsJob } from "./purge-expired-feed-items";

const hoursFromNow = (n: number) => new Date(Date.now() + n * 60 * 60_000);
const remaining = (ids: string[]) =>
  withPrivilegedDb("test check", (db) => db.feedItem.findMany({ where: { id: { in: ids } }, select: { id: true } })).then((rows) => rows.map((r) => r.id).sort());

describe("feed.purge-expired", () => {
  it("deletes the expired items of every tenant in batches and leaves the rest", async () => {
    const [a, b] = await Promise.all([createTestTenant("feed-purge-a"), createTestTenant("feed-purge-b")]);
    const expired = [
      await createTestFeedItem(a, { expiresAt: hoursFromNow(-48) }),
      await createTestFeedItem(a, { kind: "ALERT_FIRED", expiresAt: hoursFromNow(-1), dedupeKey: "gone" }),
      await createTestFeedItem(b, { expiresAt: hoursFromNow(-2) }),
    ];
    const kept = [
      await createTestFeedItem(a, { expiresAt: hoursFromNow(1) }),
      await createTestFeedItem(a),
      await createTestFeedItem(b, { priority: "PINNED" }),
      await createTestFeedItem(b, { expiresAt: hoursFromNow(24 * 7) }),
    ];

    // Batches of one, so the job has to come back for each of them.
    const id = await enqueue(purgeExpiredFeedItemsJob, { batch: 1 });
    await runOnly([purgeExpiredFeedItemsJob.type]);
    const job = await readJob(id);
    expect(job.status).toBe("SUCCEEDED");
    expect((job.result as { deleted: number }).deleted).toBeGreaterThanOrEqual(3);
    expect(await remaining([...expired, ...kept])).toEqual([...kept].sort());
  });

  it("takes one bounded batch per call, oldest expiry first", async () => {
    const tenant = await createTestTenant("feed-purge-batch");
    const now = hoursFromNow(0);
    // Long expired, so no other test's expired item comes before them.
    const newer = await createTestFeedItem(tenant, { expiresAt: new Date("1990-01-02T00:00:00Z") });
    const oldest = await createTestFeedItem(tenant, { expiresAt: new Date("1990-01-01T00:00:00Z") });
    expect(await withPrivilegedDb("test purge", (db) => purgeExpiredFeedItems(db, { now, batch: 1 }))).toEqual({ deleted: 1, more: true });
    expect(await remaining([oldest, newer])).toEqual([newer]);
  });

  it("runs hourly, off the hour", () => {
    expect(recurringTasks.find((t) => t.type === purgeExpiredFeedItemsJob.type)?.cron).toMatch(/^([1-9]|[1-5]\d) \* \* \* \*$/);
  });
});
