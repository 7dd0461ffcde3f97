// Where file bytes live: local disk (default) or an S3-compatible bucket (when S3_BUCKET is set).
// Keys are always generated here, never taken from user input; the StoredFile row decides who
// may read a file, the backend only holds its bytes.
import "server-only";
import { env } from "@/env";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import type { FileStorage } from "./types";

export type { FileStorage, PutOptions, StoredObject } from "./types";
export { newStorageKey } from "./keys";
export { LocalDiskStorage } from "./local-disk";

const globalForStorage = globalThis as unknown as { caseboardStorage?: FileStorage };

/** The configured backend, created once per process. */
export function getStorage(): FileStorage {
  globalForStorage.caseboardStorage ??= env.S3_BUCKET
    ? new S3Storage({
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      })
    : new LocalDiskStorage(env.STORAGE_DIR);
  return globalForStorage.caseboardStorage;
}
