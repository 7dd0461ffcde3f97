// The local backend: round trip with size and digest, the size limit (nothing left behind),
// deletes, and keys that try to leave the root.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { LocalDiskStorage } from "./local-disk";

let root: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "storage-test-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

describe("local disk storage", () => {
  it("stores a stream under a generated key and returns its size and sha256", async () => {
    const bytes = Buffer.from("a,b\n1,2\n".repeat(1000));
    const stored = await storage.put(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]));
    expect(stored.size).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await readAll(await storage.get(stored.key))).toEqual(bytes);
  });

  it("accepts web streams (request bodies)", async () => {
    const body = new Response("hello").body!;
    const stored = await storage.put(body);
    expect((await readAll(await storage.get(stored.key))).toString()).toBe("hello");
  });

  it("refuses a stream over maxBytes with PAYLOAD_TOO_LARGE and keeps nothing of it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "storage-limit-"));
    const limited = new LocalDiskStorage(dir);
    await expectAppError(limited.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }), "PAYLOAD_TOO_LARGE");
    expect(await filesUnder(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it("deletes, after which get is NOT_FOUND; deleting again is fine", async () => {
    const stored = await storage.put(Readable.from([Buffer.from("x")]));
    await storage.delete(stored.key);
    await expectAppError(storage.get(stored.key), "NOT_FOUND");
    await expect(storage.delete(stored.key)).resolves.toBeUndefined();
  });

  it("refuses keys that are not its own shape, traversal included", async () => {
    for (const key of ["../etc/passwd", "2026/11/../../x", "/etc/passwd", "2026/11/not-a-uuid", ""]) {
      await expectAppError(storage.get(key), "NOT_FOUND");
      expect(() => storage.pathOf(key)).toThrow();
    }
  });
});
