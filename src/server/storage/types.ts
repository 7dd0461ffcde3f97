import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  /** Refuse (PAYLOAD_TOO_LARGE) and store nothing once the stream passes this many bytes. */
  maxBytes?: number;
  contentType?: string;
}

/** Byte sources put() accepts: Node streams, web streams (request bodies), any async iterable. */
export type ByteSource = Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface SignedUrlOptions {
  filename: string;
  contentType: string;
  inline: boolean;
  expiresInSeconds: number;
}

export interface FileStorage {
  readonly kind: "local" | "s3";
  /** Stores the stream under a new key and returns it with the size and SHA-256 of what was stored. */
  put(body: ByteSource, options?: PutOptions): Promise<StoredObject>;
  /** The stored bytes; NOT_FOUND when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /**
   * A short-lived address the browser may fetch the object from directly (S3's presigned GET, with
   * the response headers fixed in the signature). Backends without one serve bytes through get().
   */
  signedUrl?(key: string, options: SignedUrlOptions): Promise<string>;
  /**
   * Writes or replaces a small object under a fixed name (see assertObjectName). Only for what
   * must be found without the database, such as audit checkpoints: everything else gets a
   * generated key recorded in a row.
   */
  putNamed(name: string, bytes: Buffer): Promise<void>;
  /** The named object's bytes, or null when there is none. */
  getNamed(name: string): Promise<Buffer | null>;
  /** Removes a named object; a missing one is not an error. */
  deleteNamed(name: string): Promise<void>;
}
