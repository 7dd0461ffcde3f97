import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { enqueue } from "../queue";
import { readJob, runOnly } from "../test-kit";
import { purgeApiKeysJob } from "./purge-api-keys";

const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);

describe("api-keys.purge", () => {
  it("deletes keys revoked or expired over 90 days ago, keeps the rest, and audits per tenant", async () => {
    const tenant = await createTestTenant("purge");
    await createTestApiKey(tenant, { revokedAt: daysAgo(120) });
    await createTestApiKey(tenant, { expiresAt: daysAgo(91) });
    await createTestApiKey(tenant, { revokedAt: daysAgo(10) });
    await createTestApiKey(tenant, { expiresAt: daysAgo(-30) });
    await createTestApiKey(tenant);

    const id = await enqueue(purgeApiKeysJob, {});
    await runOnly([purgeApiKeysJob.type]);
    const job = await readJob(id);
    expect(job.status).toBe("SUCCEEDED");
    expect((job.result as { deleted: number }).deleted).toBeGreaterThanOrEqual(2);

    const { left, audit } = await withPrivilegedDb("test check", async (db) => ({
      left: await db.apiKey.count({ where: { tenantId: tenant.id } }),
      audit: await db.auditEvent.findFirst({ where: { tenantId: tenant.id, action: "api_key.purged" } }),
    }));
    expect(left).toBe(3);
    expect(audit).toMatchObject({ actorType: "system", actorId: `job:${purgeApiKeysJob.type}`, requestId: `job-${id}` });
    expect((audit!.diff as { count: number }).count).toBe(2);
  });
});
