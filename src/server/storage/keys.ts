// Storage keys: generated, never derived from user input, and checked again on every use so a
// key read back from anywhere can never name a path outside the storage root.
import { createHash, randomUUID } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { AppError } from "@/server/errors/app-error";
import type { ByteSource } from "./types";

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `2026/11/<uuid>`: spread over folders by month so no directory grows without bound. */
export function newStorageKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new AppError("NOT_FOUND", "File not found", { reason: "INVALID_STORAGE_KEY" });
}

/** `audit-checkpoints/<uuid>.json`: a fixed name starts with a letter, so it never meets a generated key. */
const NAME_PATTERN = /^[a-z][a-z0-9-]{2,40}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

export function assertObjectName(name: string): void {
  if (!NAME_PATTERN.test(name)) throw new Error(`Not a valid stored object name: ${JSON.stringify(name)}`);
}

export function toNodeReadable(body: ByteSource): Readable {
  if (body instanceof Readable) return body;
  if (typeof (body as ReadableStream).getReader === "function") {
    return Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  }
  return Readable.from(body as AsyncIterable<Uint8Array>);
}

/** Counts and hashes what passes through, failing with PAYLOAD_TOO_LARGE past `maxBytes`. */
export class MeasuringStream extends Transform {
  size = 0;
  private readonly hash = createHash("sha256");
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${this.maxBytes} bytes`, { maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
  digest(): string {
    return this.hash.digest("hex");
  }
}
