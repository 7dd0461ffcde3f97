// File retention on the real database and a real (temporary) disk: expired files lose bytes and
// rows, the imports that linked to them stop linking, and nothing unexpired or of another kind moves.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { LocalDiskStorage } from "@/server/storage";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { purgeExpiredFiles } from "./purge-expired-files";
import { FILE_RETENTION_DAYS, fileExpiry } from "./retention";

let root: string;
let storage: LocalDiskStorage;
let tenant: TestTenant;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "retention-test-"));
  storage = new LocalDiskStorage(root);
  tenant = await createTestTenant("retention");
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function storedFile(purpose: "export" | "import-rejects", expiresAt: Date | null) {
  const stored = await storage.put(Readable.from([Buffer.from(`bytes of ${purpose}`)]));
  return withPrivilegedDb("test fixture", (db) =>
    db.storedFile.create({
      data: { tenantId: tenant.id, purpose, filename: `${purpose}.csv`, contentType: "text/csv", size: BigInt(stored.size), sha256: stored.sha256, storageKey: stored.key, expiresAt },
    }),
  );
}

const exists = (key: string) => storage.get(key).then((s) => (s.destroy(), true), () => false);

describe("file retention", () => {
  it("gives exports a week and import files a month", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(fileExpiry("export", now).toISOString()).toBe("2026-11-30T12:00:00.000Z");
    expect(FILE_RETENTION_DAYS["import-rejects"]).toBe(30);
  });

  it("deletes expired files' bytes and rows, unlinks imports from them, and keeps the rest", async () => {
    const past = new Date(Date.now() - 60_000);
    const [expiredExport, expiredRejects, liveExport, forever] = await Promise.all([
      storedFile("export", past),
      storedFile("import-rejects", past),
      storedFile("export", fileExpiry("export")),
      storedFile("export", null),
    ]);
    const source = await storedFile("export", null);
    const imported = await withPrivilegedDb("test fixture", (db) =>
      db.import.create({ data: { tenantId: tenant.id, entity: "cases", fileId: source.id, status: "SUCCEEDED", rejectsFileId: expiredRejects.id } }),
    );

    const result = await withPrivilegedDb("test", (db) => purgeExpiredFiles(db, storage, { batch: 1 }));
    expect(result).toEqual({ deleted: 1, more: true });
    const rest = await withPrivilegedDb("test", (db) => purgeExpiredFiles(db, storage));
    // The purge spans every tenant: on a database shared with other tests it may remove their
    // expired files too, so only this tenant's rows are counted exactly (below).
    expect(rest.more).toBe(false);
    expect(rest.deleted).toBeGreaterThanOrEqual(1);

    const left = await withPrivilegedDb("test check", (db) => db.storedFile.findMany({ where: { tenantId: tenant.id }, select: { id: true } }));
    expect(left.map((f) => f.id).sort()).toEqual([liveExport.id, forever.id, source.id].sort());
    expect(await exists(expiredExport.storageKey)).toBe(false);
    expect(await exists(expiredRejects.storageKey)).toBe(false);
    expect(await exists(liveExport.storageKey)).toBe(true);
    const after = await withPrivilegedDb("test check", (db) => db.import.findFirstOrThrow({ where: { id: imported.id } }));
    expect(after.rejectsFileId).toBeNull();
  });

  it("removes a row whose key the storage refuses as malformed, and goes on with the rest", async () => {
    const past = new Date(Date.now() - 60_000);
    const malformed = await withPrivilegedDb("test fixture", (db) =>
      db.storedFile.create({
        data: { tenantId: tenant.id, purpose: "export", filename: "bad.csv", contentType: "text/csv", size: BigInt(0), sha256: "0".repeat(64), storageKey: "../not-a-key", expiresAt: new Date(past.getTime() - 1_000) },
      }),
    );
    const next = await storedFile("export", past);
    await withPrivilegedDb("test", (db) => purgeExpiredFiles(db, storage));
    const left = await withPrivilegedDb("test check", (db) => db.storedFile.findMany({ where: { id: { in: [malformed.id, next.id] } } }));
    expect(left).toEqual([]);
    expect(await exists(next.storageKey)).toBe(false);
  });
});
