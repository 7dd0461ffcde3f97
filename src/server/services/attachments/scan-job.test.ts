// The malware scan against a daemon speaking clamd's INSTREAM protocol (a stand-in server,
// fake-clamd.ts, answering as clamd does): files are held until scanned, the EICAR test file is blocked
// and its bytes deleted, and a scanner that is down keeps the file held for the job's retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { getStorage } from "@/server/storage";
import { callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { download, EICAR, pngBytes, uploadByUser } from "./attachment-test-kit";
import { fakeClamd } from "./fake-clamd";
import { scanAttachment } from "./scan-job";

let tenant: TestTenant;
let key: string;
let caseId: string;
let clamd: Awaited<ReturnType<typeof fakeClamd>>;

beforeAll(async () => {
  tenant = await createTestTenant("scan");
  key = await createTestApiKey(tenant);
  caseId = (await createTestCases(tenant, ["Files to scan"]))[0]!.id;
  clamd = await fakeClamd();
});
afterAll(() => clamd.close());

/** An upload held for the scan, sent with a note by its uploader (then any member or key may ask for it). */
async function heldFile(bytes: Buffer, name: string) {
  const agent = await callerFor(tenant.users.AGENT, tenant.slug);
  const uploaded = await uploadByUser(tenant.id, tenant.users.AGENT.id, bytes, name, { scan: true });
  await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [uploaded.id] });
  return uploaded;
}

const withDb = <R>(fn: (db: TenantDb) => Promise<R>) => withTenantDb(tenant.id, fn);
const scan = (id: string, url: string | null) => scanAttachment(withDb, id, url);
const statusOf = (id: string) => withTenantDb(tenant.id, async (db) => (await db.attachment.findFirstOrThrow({ where: { id }, select: { status: true } })).status);

describe("the malware scan", () => {
  it("holds a file until the scanner has read it, then serves it", async () => {
    const held = await heldFile(await pngBytes(), "photo.png");
    expect(held.status).toBe("SCANNING");
    const early = await download(held.id, key);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "CONFLICT", details: { reason: "ATTACHMENT_SCANNING" } });
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: true, clean: true });
    expect(await statusOf(held.id)).toBe("READY");
    expect((await download(held.id, key)).status).toBe(200);
    // Scanned once: a retry of the job (a runner killed after the scan) does nothing more.
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: false });
  });

  it("blocks the EICAR test file and deletes its bytes; the row stays to say why", async () => {
    const held = await heldFile(Buffer.from(EICAR), "invoice.txt");
    const storageKey = await withTenantDb(tenant.id, async (db) => (await db.attachment.findFirstOrThrow({ where: { id: held.id }, select: { file: { select: { storageKey: true } } } })).file.storageKey);
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: true, clean: false });
    expect(clamd.scanned.at(-1)).toBe(EICAR);
    expect(await statusOf(held.id)).toBe("BLOCKED");
    await expect(getStorage().get(storageKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const response = await download(held.id, key);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ details: { reason: "ATTACHMENT_BLOCKED" } });
  });

  it("a file marked blocked whose bytes were not deleted yet (the runner stopped between the two): the retry deletes them", async () => {
    const held = await heldFile(Buffer.from("blocked, bytes left behind"), "left.txt");
    const storageKey = await withTenantDb(tenant.id, async (db) => {
      await db.attachment.updateMany({ where: { id: held.id }, data: { status: "BLOCKED" } });
      return (await db.attachment.findFirstOrThrow({ where: { id: held.id }, select: { file: { select: { storageKey: true } } } })).file.storageKey;
    });
    (await getStorage().get(storageKey)).destroy();
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: false });
    await expect(getStorage().get(storageKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // And once more, with nothing left to delete.
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: false });
  });

  it("a file larger than the scanner reads is not released: it is blocked like a found one", async () => {
    const held = await heldFile(Buffer.from("TOO-BIG archive"), "huge.txt");
    expect(await scan(held.id, clamd.url)).toEqual({ scanned: true, clean: false });
    expect(await statusOf(held.id)).toBe("BLOCKED");
  });

  it("a scan the job's signal stops (a runner shutting down) ends at once, unanswered, and the file stays held for the next runner", async () => {
    const held = await heldFile(Buffer.from("STALL: the daemon reads this and never answers"), "stuck.txt");
    const stop = new AbortController();
    const read = clamd.scanned.length;
    const scanning = scanAttachment(withDb, held.id, clamd.url, getStorage(), stop.signal);
    scanning.catch(() => undefined);
    await expect.poll(() => clamd.scanned.length).toBe(read + 1);
    const reason = new Error("runner shutting down");
    stop.abort(reason);
    await expect(scanning).rejects.toBe(reason);
    expect(await statusOf(held.id)).toBe("SCANNING");
    // The next runner scans it again and releases it.
    expect(await scan(held.id, null)).toEqual({ scanned: true, clean: true });
  });

  it("a scanner that is down fails the attempt (the job retries) and the file stays held", async () => {
    const held = await heldFile(Buffer.from("quarterly numbers"), "numbers.txt");
    const closed = await fakeClamd();
    await closed.close();
    await expect(scan(held.id, closed.url)).rejects.toThrow();
    expect(await statusOf(held.id)).toBe("SCANNING");
    expect((await download(held.id, key)).status).toBe(409);
    // A scanner taken out of the deployment releases what it held.
    expect(await scan(held.id, null)).toEqual({ scanned: true, clean: true });
    expect(await statusOf(held.id)).toBe("READY");
  });
});
