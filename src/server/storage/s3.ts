// S3-compatible storage (AWS S3, MinIO, R2). The upload is spooled to a temporary file first:
// PutObject needs the length up front, and the size limit and SHA-256 are checked on the way,
// so nothing over the limit ever reaches the bucket.
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { AppError } from "@/server/errors/app-error";
import { contentDisposition } from "@/server/http/content-disposition";
import { assertObjectName, assertStorageKey } from "./keys";
import { LocalDiskStorage } from "./local-disk";
import type { ByteSource, FileStorage, PutOptions, SignedUrlOptions, StoredObject } from "./types";

export interface S3StorageOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export class S3Storage implements FileStorage {
  readonly kind = "s3" as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      // MinIO and most self-hosted endpoints serve buckets by path, not by subdomain.
      forcePathStyle: Boolean(options.endpoint),
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  async put(body: ByteSource, options: PutOptions = {}): Promise<StoredObject> {
    const spoolDir = await mkdtemp(join(tmpdir(), "caseboard-upload-"));
    try {
      const spool = new LocalDiskStorage(spoolDir);
      const spooled = await spool.put(body, options);
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: spooled.key,
          Body: createReadStream(spool.pathOf(spooled.key)),
          ContentLength: spooled.size,
          ContentType: options.contentType ?? "application/octet-stream",
          ChecksumSHA256: Buffer.from(spooled.sha256, "hex").toString("base64"),
        }),
      );
      return spooled;
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!result.Body) throw new AppError("NOT_FOUND", "File not found");
      return result.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new AppError("NOT_FOUND", "File not found");
      throw error;
    }
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    assertStorageKey(key);
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: key,
      ResponseContentType: options.contentType,
      ResponseContentDisposition: contentDisposition(options.filename, options.inline ? "inline" : "attachment"),
      ResponseCacheControl: "private, max-age=60",
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async putNamed(name: string, bytes: Buffer): Promise<void> {
    assertObjectName(name);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: name, Body: bytes, ContentLength: bytes.length, ContentType: "application/json" }),
    );
  }

  async getNamed(name: string): Promise<Buffer | null> {
    assertObjectName(name);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: name }));
      return result.Body ? Buffer.from(await result.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async deleteNamed(name: string): Promise<void> {
    assertObjectName(name);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: name }));
  }
}
