// Files on local disk under one root directory. Writes go to a temporary name first and are
// renamed into place once complete, so a reader never sees half a file and a failed upload
// leaves nothing behind.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { AppError } from "@/server/errors/app-error";
import { assertObjectName, assertStorageKey, MeasuringStream, newStorageKey, toNodeReadable } from "./keys";
import type { ByteSource, FileStorage, PutOptions, StoredObject } from "./types";

export class LocalDiskStorage implements FileStorage {
  readonly kind = "local" as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of a key, refusing anything that would land outside the root. */
  pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new AppError("NOT_FOUND", "File not found", { reason: "INVALID_STORAGE_KEY" });
    return path;
  }

  async put(body: ByteSource, options: PutOptions = {}): Promise<StoredObject> {
    const key = newStorageKey();
    const path = this.pathOf(key);
    const partial = `${path}.partial`;
    await mkdir(dirname(path), { recursive: true });
    const measure = new MeasuringStream(options.maxBytes);
    try {
      await pipeline(toNodeReadable(body), measure, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, size: measure.size, sha256: measure.digest() };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new AppError("NOT_FOUND", "File not found");
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOfName(name: string): string {
    assertObjectName(name);
    const path = resolve(this.root, name);
    if (!path.startsWith(this.root + sep)) throw new Error(`Not a valid stored object name: ${name}`);
    return path;
  }

  async putNamed(name: string, bytes: Buffer): Promise<void> {
    const path = this.pathOfName(name);
    await mkdir(dirname(path), { recursive: true });
    // Replaced by rename, so a reader sees the old object or the new one, never half of one.
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, bytes, { flag: "wx", mode: 0o600 });
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async getNamed(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOfName(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async deleteNamed(name: string): Promise<void> {
    await rm(this.pathOfName(name), { force: true });
  }
}
