// The keyed part of the audit chain: what an event's mac covers, computed the same way by the
// writer (before the insert) and by the verifier (from the stored row).
import { createHmac, timingSafeEqual } from "node:crypto";
import { auditSubkey, type AuditKey } from "./keys";

/** An event as stored: every column the mac covers. */
export interface AuditEventContent {
  id: string;
  tenantId: string;
  seq: number;
  prevHash: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** As JSON values (what jsonb gives back), or null. */
  diff: unknown;
  createdAtMs: number;
}

/**
 * JSON with object keys sorted, so a value encodes the same before the insert and after jsonb
 * (which reorders keys) hands it back. Values are plain JSON: the writer round-trips the diff
 * through JSON.stringify before storing and signing it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}

/**
 * HMAC-SHA256 over the event, the hash of the event before it and that event's mac. Signing
 * prevHash ties the keyed chain to the sha256 chain, so the first keyed event also vouches for
 * every unkeyed (legacy) event before it; signing prevMac means no event can be dropped or
 * reordered without breaking the next one's mac.
 */
export function eventMac(key: AuditKey, event: AuditEventContent, prevMac: string | null): string {
  const message = canonicalJson([
    "caseboard.audit-event.v1",
    key.id,
    prevMac,
    event.prevHash,
    event.id,
    event.tenantId,
    event.seq,
    event.actorType,
    event.actorId,
    event.action,
    event.targetType,
    event.targetId,
    event.requestId,
    event.ip,
    event.userAgent,
    event.diff,
    event.createdAtMs,
  ]);
  return createHmac("sha256", auditSubkey(key, "event")).update(message).digest("base64url");
}

/** Constant-time comparison of two macs or signatures. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
