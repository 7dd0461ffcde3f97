// The hourly audit checkpoint job: anchors every tenant's chain in the file store, moves each
// checkpoint forward as the log grows, and refuses to move one the log no longer matches.
import { describe, expect, it } from "vitest";
import { checkpointName, readCheckpoint } from "@/server/audit/checkpoint";
import { recordAudit } from "@/server/audit";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { getStorage } from "@/server/storage";
import { createTestTenant } from "@/test/factories";
import { recurringTasks } from ".";
import { enqueue } from "../queue";
import { readJob, runOnly } from "../test-kit";
import { auditCheckpointJob } from "./audit-checkpoint";

const audit = (tenantId: string, n: number) =>
  withPrivilegedDb("test audit", async (db) => {
    for (let i = 0; i < n; i++) await recordAudit(db, { tenantId, action: "test.checkpointed" });
  });

async function runCheckpointJob() {
  const id = await enqueue(auditCheckpointJob, {});
  await runOnly([auditCheckpointJob.type], { budgetMs: 60_000 });
  const job = await readJob(id);
  expect(job.status).toBe("SUCCEEDED");
  return job.result as { written: number; unchanged: number; empty: number; refused: number };
}

const checkpointOf = async (tenantId: string) => (await readCheckpoint(getStorage(), tenantId)).checkpoint;

describe("audit.checkpoint", () => {
  it("is scheduled hourly", () => {
    expect(recurringTasks.find((t) => t.type === auditCheckpointJob.type)?.cron).toMatch(/^\d+ \* \* \* \*$/);
  });

  it("anchors each tenant's newest event, follows the log, and keeps a checkpoint the log no longer matches", async () => {
    const [kept, cut, empty] = await Promise.all([createTestTenant(), createTestTenant(), createTestTenant()]);
    await audit(kept.id, 2);
    await audit(cut.id, 3);
    await runCheckpointJob();
    expect(await checkpointOf(kept.id)).toMatchObject({ tenantId: kept.id, seq: 2, legacyEvents: 0 });
    expect(await checkpointOf(cut.id)).toMatchObject({ seq: 3 });
    expect(await getStorage().getNamed(checkpointName(empty.id))).toBeNull();
    // Verification reads the app's file store unless told otherwise.
    expect(await withPrivilegedDb("test check", (db) => verifyAuditChain(db, kept.id))).toMatchObject({ ok: true, checkpoint: { seq: 2 } });

    await audit(kept.id, 1);
    // The newest event of `cut` removed by someone with database access, then the log grows again.
    const db = await getDatabase();
    await db.sql.transaction(async (tx) => {
      await tx.exec("SET LOCAL session_replication_role = replica");
      await tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 3`, [cut.id]);
    });
    await audit(cut.id, 2);
    const result = await runCheckpointJob();
    expect(result.refused).toBeGreaterThanOrEqual(1);
    expect(await checkpointOf(kept.id)).toMatchObject({ seq: 3 });
    expect(await checkpointOf(cut.id)).toMatchObject({ seq: 3 });
  });
});
