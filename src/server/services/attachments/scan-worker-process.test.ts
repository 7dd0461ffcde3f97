// The malware scan's job with real worker processes, as an operator runs them: a worker killed
// with SIGKILL while the scanner is reading a file, and one stopped with SIGTERM while it waits on
// a scanner that does not answer. In both cases the file stays held (never served unscanned), the
// job goes back to the queue without using an attempt, and another worker scans it and releases
// it, once.
//
// PostgreSQL only, like the import worker tests: a second process cannot reach the embedded
// database. The scan itself, its signal and its idempotence are in scan-job.test.ts on both.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withTenantDb } from "@/server/db/tenant-db";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { expectNoUnhandled, holderPid, readJobRow, workerPool } from "@/test/worker-processes";
import { uploadByUser } from "./attachment-test-kit";
import { fakeClamd, type FakeClamd } from "./fake-clamd";

const databaseUrl = inject("testDatabaseUrl");
const LEASE_MS = 4_000;
/** This file's files carry it; other test files' scan jobs, which these workers may also claim, are refused by the daemon and stay held. */
const MARK = `scan-process-${randomUUID()}`;

const pool = workerPool(databaseUrl);
let clamd: FakeClamd;
afterAll(async () => {
  await pool.stopAll();
  await clamd?.close();
});

describe.skipIf(!databaseUrl)("malware scan worker processes (PostgreSQL)", () => {
  let tenant: TestTenant;
  let caseId: string;

  beforeAll(async () => {
    clamd = await fakeClamd({ answers: (content) => content.includes(MARK) });
    await pool.startAll(3, { types: "attachment.scan", leaseMs: LEASE_MS, graceMs: 10_000, env: { CLAMAV_URL: clamd.url } });
    tenant = await createTestTenant("scanproc");
    caseId = (await createTestCases(tenant, ["Files from a customer"]))[0]!.id;
  });

  /** A file held for the scan and sent with a note; the scan's job and the attachment's id. */
  async function heldFile(label: string) {
    const content = `${MARK} ${label} STALL-ONCE`;
    const uploaded = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from(content), `${label}.txt`, { scan: true });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [uploaded.id] });
    const job = await withPrivilegedDb("test check", (db) =>
      db.job.findFirstOrThrow({ where: { tenantId: tenant.id, type: "attachment.scan", dedupeKey: `attachment-scan:${uploaded.id}` }, select: { id: true } }),
    );
    return { attachmentId: uploaded.id, jobId: job.id, content };
  }

  const statusOf = (id: string) =>
    withTenantDb(tenant.id, async (db) => (await db.attachment.findFirstOrThrow({ where: { id }, select: { status: true } })).status);
  const timesScanned = (content: string) => clamd.scanned.filter((c) => c === content).length;

  /** Waits until a worker has sent the file to the scanner (which hangs on it) and holds the job. */
  async function workerWaitingOnScanner(file: Awaited<ReturnType<typeof heldFile>>) {
    await pool.waitFor("the scanner to read the file", async () => timesScanned(file.content) === 1, 30_000);
    const job = await readJobRow(file.jobId);
    expect(job.status).toBe("RUNNING");
    const holder = pool.byPid(holderPid(job.lockedBy));
    expect(holder).toBeDefined();
    return holder!;
  }

  async function expectScannedOnceMore(file: Awaited<ReturnType<typeof heldFile>>) {
    // Another worker takes the job and the scanner answers it at once, so the job is watched to its end.
    await pool.waitFor("another worker to scan the file", async () => (await readJobRow(file.jobId)).status === "SUCCEEDED", LEASE_MS + 15_000, 20);
    expect(await statusOf(file.attachmentId)).toBe("READY");
    expect(timesScanned(file.content)).toBe(2);
    // The lost or released run used up no attempt.
    expect(await readJobRow(file.jobId)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    for (const worker of pool.alive()) expectNoUnhandled(worker);
  }

  it("a worker killed (SIGKILL) while the scanner reads the file: held until another worker has scanned it", { timeout: 60_000 }, async () => {
    const file = await heldFile("kill9");
    const victim = await workerWaitingOnScanner(file);
    victim.child.kill("SIGKILL");
    const killedAt = Date.now();
    await victim.exited;
    // Dead runner, live lease: the file is still held, and stays so until a scan decides.
    expect(await statusOf(file.attachmentId)).toBe("SCANNING");
    await expectScannedOnceMore(file);
    process.stdout.write(`scan, kill -9: file released ${Date.now() - killedAt} ms after the kill (lease ${LEASE_MS} ms)\n`);
    const history = (await readJobRow(file.jobId)).errorHistory as { leaseLost?: boolean }[];
    expect(history).toEqual([expect.objectContaining({ leaseLost: true })]);
  });

  it("a worker stopped (SIGTERM) while the scanner does not answer: it hands the job back and exits 0 at once; another worker scans it", { timeout: 60_000 }, async () => {
    const file = await heldFile("sigterm");
    const stopped = await workerWaitingOnScanner(file);
    const signalledAt = Date.now();
    stopped.child.kill("SIGTERM");
    // Without the job's signal reaching the scan, the worker would wait out its grace period (10 s) and exit 1.
    expect(await stopped.exited).toBe(0);
    const exitMs = Date.now() - signalledAt;
    expect(exitMs).toBeLessThan(5_000);
    await expectScannedOnceMore(file);
    process.stdout.write(`scan, SIGTERM: worker exited 0 after ${exitMs} ms; file released ${Date.now() - signalledAt} ms after the signal\n`);
    // Released, not lost: no error recorded.
    expect((await readJobRow(file.jobId)).errorHistory).toEqual([]);
    expectNoUnhandled(stopped);
  });
});
