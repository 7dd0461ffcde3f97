// Fault tests with real worker processes (`scripts/jobs-work.ts`), as an operator would run them:
// a worker killed with SIGKILL mid-import, one stopped with SIGTERM mid-import, and an import
// cancelled while a worker runs it. In each case a second worker (or the same one) must finish
// the job with every valid row exactly once, true counts and no case number used twice.
//
// PostgreSQL only (DATABASE_URL set): the embedded database lives inside the test process (in
// memory, and a PGlite data directory can be opened by one process at a time), so no second
// process can reach it. On PGlite these tests are skipped; the resume and release logic they
// exercise is covered in-process by lease.test.ts and runner.test.ts on both databases.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { expectNoUnhandled as noUnhandled, holderPid, readJobRow, workerPool } from "@/test/worker-processes";
import { readStored, uploadOk } from "./import-test-kit";
import { IMPORT_JOB } from "./import-job";
import type { LoggedEvent } from "@/lib/realtime/events";
import { getBus } from "@/server/realtime/bus";
import { openStream } from "@/test/realtime-stream";

const databaseUrl = inject("testDatabaseUrl");
const LEASE_MS = 5_000;
const ROWS = 3_000;
/** The cancelled import's size: a heartbeat (a third of the lease) must come before it ends. */
const CANCEL_ROWS = 40_000;

const pool = workerPool(databaseUrl);
const { workers, alive, waitFor } = pool;
afterAll(() => pool.stopAll());

const readImport = (id: string) => withPrivilegedDb("test check", (db) => db.import.findFirstOrThrow({ where: { id } }));

describe.skipIf(!databaseUrl)("import worker processes (PostgreSQL)", () => {
  let tenant: TestTenant;
  let key: string;
  let admin: Awaited<ReturnType<typeof callerFor>>;

  beforeAll(async () => {
    await pool.startAll(4, { types: IMPORT_JOB, leaseMs: LEASE_MS, graceMs: 10_000 });
    tenant = await createTestTenant("impproc");
    key = await createTestApiKey(tenant, { role: "ADMIN" });
    admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  });

  /** A file of `rows` rows, one in 97 with a title too short (rejected); every row's title is unique. */
  async function startImport(label: string, rows = ROWS) {
    const lines = Array.from({ length: rows }, (_, i) => (i % 97 === 5 ? "x" : `${label} case ${i}`));
    const uploaded = await uploadOk(key, `Title\n${lines.join("\n")}\n`, { filename: `${label}.csv` });
    const queued = await admin.imports.setMapping({ id: uploaded.id, mapping: { title: "Title" } });
    const bad = lines.filter((l) => l === "x").length;
    return { importId: uploaded.id, jobId: queued.jobId!, valid: rows - bad, bad, label };
  }

  async function expectExact(run: Awaited<ReturnType<typeof startImport>>) {
    const done = await readImport(run.importId);
    expect(done).toMatchObject({ status: "SUCCEEDED", totalRows: ROWS, importedRows: run.valid, duplicateRows: 0, rejectedRows: run.bad });
    const cases = await withPrivilegedDb("test check", (db) =>
      db.case.findMany({ where: { tenantId: tenant.id, title: { startsWith: `${run.label} case ` } }, select: { title: true, number: true } }),
    );
    expect(cases).toHaveLength(run.valid);
    expect(new Set(cases.map((c) => c.title)).size).toBe(run.valid);
    const all = await withPrivilegedDb("test check", (db) => db.case.findMany({ where: { tenantId: tenant.id }, select: { number: true } }));
    expect(new Set(all.map((c) => c.number)).size).toBe(all.length);
    const file = await withPrivilegedDb("test check", (db) => db.storedFile.findFirstOrThrow({ where: { id: done.rejectsFileId! } }));
    const rejected = (await readStored(file.storageKey)).trim().split("\n").slice(1);
    expect(rejected).toHaveLength(run.bad);
    const job = await readJobRow(run.jobId);
    // The lost or released run used up no attempt: the import's single attempt succeeded.
    expect(job).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  }

  it("resumes an import whose worker was killed (SIGKILL) from its checkpoint, with exact rows and counts", { timeout: 55_000 }, async () => {
    const run = await startImport("kill9");
    const job = await waitFor("a worker to claim the import", async () => {
      const j = await readJobRow(run.jobId);
      return j.status === "RUNNING" && j.lockedBy ? j : null;
    });
    const victim = workers.find((w) => w.pid === holderPid(job.lockedBy))!;
    await waitFor("some batches", async () => (await readImport(run.importId)).totalRows >= 1_000, 30_000);
    victim.child.kill("SIGKILL");
    const killedAt = Date.now();
    await victim.exited;
    const checkpoint = await readImport(run.importId);
    expect(checkpoint.totalRows).toBeLessThan(ROWS);

    const heirPid = await waitFor("another worker to take the job over", async () => {
      const pid = holderPid((await readJobRow(run.jobId)).lockedBy);
      return pid && pid !== victim.pid ? pid : null;
    }, 15_000, 20);
    const heir = workers.find((w) => w.pid === heirPid)!;
    const resumedMs = Date.now() - killedAt;
    await waitFor("the import to finish", async () => (await readImport(run.importId)).status === "SUCCEEDED", 30_000, 100);
    process.stdout.write(`kill -9 at row ${checkpoint.totalRows}/${ROWS}: resumed after ${resumedMs} ms (lease ${LEASE_MS} ms), done ${Date.now() - killedAt} ms after the kill` + "\n");
    expect(resumedMs).toBeLessThan(LEASE_MS + 5_000);
    await expectExact(run);
    const history = (await readJobRow(run.jobId)).errorHistory as { leaseLost?: boolean }[];
    expect(history).toEqual([expect.objectContaining({ leaseLost: true })]);
    noUnhandled(heir);
  });

  it("on SIGTERM, stops the import at a checkpoint, hands the job back and exits 0; another worker finishes it", { timeout: 55_000 }, async () => {
    const run = await startImport("sigterm");
    const job = await waitFor("a worker to claim the import", async () => {
      const j = await readJobRow(run.jobId);
      return j.status === "RUNNING" && j.lockedBy ? j : null;
    });
    const stopped = workers.find((w) => w.pid === holderPid(job.lockedBy))!;
    await waitFor("some batches", async () => (await readImport(run.importId)).totalRows >= 1_000, 30_000);
    stopped.child.kill("SIGTERM");
    const signalledAt = Date.now();
    expect(await stopped.exited).toBe(0);
    const exitMs = Date.now() - signalledAt;
    expect((await readImport(run.importId)).totalRows).toBeLessThan(ROWS);

    const heirPid = await waitFor("another worker to take the job over", async () => {
      const pid = holderPid((await readJobRow(run.jobId)).lockedBy);
      return pid && pid !== stopped.pid ? pid : null;
    }, 15_000, 20);
    const heir = workers.find((w) => w.pid === heirPid)!;
    const resumedMs = Date.now() - signalledAt;
    await waitFor("the import to finish", async () => (await readImport(run.importId)).status === "SUCCEEDED", 30_000, 100);
    process.stdout.write(`SIGTERM: worker exited 0 after ${exitMs} ms; job resumed by the other worker ${resumedMs} ms after the signal` + "\n");
    // Released, not expired: runnable at once, well before its lease could have run out.
    expect(resumedMs - exitMs).toBeLessThan(LEASE_MS / 2);
    await expectExact(run);
    expect((await readJobRow(run.jobId)).errorHistory).toEqual([]);
    noUnhandled(stopped);
    noUnhandled(heir);
  });

  it("another instance's changes reach a stream here through the bus: the worker's job events, in order", { timeout: 55_000 }, async () => {
    // The worker processes are other instances: they commit job changes and publish wake-ups on
    // their own bus connection. This process hears them on its own and its stream delivers them.
    const woken: number[] = [];
    const off = getBus().subscribe((m) => {
      if (m.type === "log" && m.tenantId === tenant.id) woken.push(m.seq);
    });
    const stream = await openStream({ user: tenant.users.ADMIN, slug: tenant.slug });
    try {
      await stream.readUntil((m) => m.type === "ready");
      const run = await startImport("two-instances", 500);
      const seen = await stream.readUntil(
        (m) => m.type === "event" && m.kind === "job.updated" && m.entityId === run.jobId && m.data.status === "SUCCEEDED",
        30_000,
      );
      const ofJob = seen.filter((m): m is LoggedEvent => m.type === "event" && m.entityId === run.jobId);
      // Queued here (this instance), claimed and finished there (a worker).
      const statuses = [...new Set(ofJob.map((m) => m.data.status))];
      expect(statuses).toEqual(["PENDING", "RUNNING", "SUCCEEDED"]);
      expect(ofJob.at(-1)!.data).toMatchObject({ type: IMPORT_JOB, status: "SUCCEEDED", progress: 100 });
      const seqs = ofJob.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // Woken by the other process's message, not only by this hub's periodic read of the log. The
      // message of the last event may come just after the stream delivered it (an earlier wake-up's
      // read of the log already found it committed): waited for, not raced.
      const last = ofJob.at(-1)!.seq;
      await waitFor("the worker's wake-up for the last event", async () => Math.max(...woken) >= last || null, 5_000, 20);
      expect(Math.max(...woken)).toBeGreaterThanOrEqual(last);
    } finally {
      off();
      stream.close();
    }
  });

  it("cancels a running import within seconds, and the worker stays up and runs the next one", { timeout: 55_000 }, async () => {
    const running = alive();
    expect(running.length).toBeGreaterThanOrEqual(2);
    // Large enough that the import is still running when the worker's next heartbeat reports the
    // cancel: a 3,000-row import can finish (SUCCEEDED, rightly) between the request and the beat.
    const run = await startImport("cancel", CANCEL_ROWS);
    await waitFor("some batches", async () => (await readImport(run.importId)).totalRows >= 1_000, 30_000);
    const cancelledAt = Date.now();
    expect(await admin.imports.cancel({ id: run.importId })).toMatchObject({ status: "RUNNING" });
    await waitFor("the import to stop", async () => (await readImport(run.importId)).status === "CANCELLED", 10_000, 50);
    await waitFor("the job to end", async () => (await readJobRow(run.jobId)).status === "CANCELLED", 5_000, 50);
    const cancelMs = Date.now() - cancelledAt;
    process.stdout.write(`cancel: import and job CANCELLED ${cancelMs} ms after imports.cancel` + "\n");
    expect(cancelMs).toBeLessThan(5_000);
    expect((await readImport(run.importId)).totalRows).toBeLessThan(CANCEL_ROWS);

    await new Promise((r) => setTimeout(r, 500));
    expect(alive()).toHaveLength(running.length);
    const small = await uploadOk(key, "Title\nAfter the cancel\n", { filename: "after.csv" });
    await admin.imports.setMapping({ id: small.id, mapping: { title: "Title" } });
    await waitFor("the next import", async () => (await readImport(small.id)).status === "SUCCEEDED", 10_000, 50);
    expect(alive()).toHaveLength(running.length);
    for (const w of running) noUnhandled(w);
  });
});
