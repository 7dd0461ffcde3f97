// Anyone on the internet can upload to a tenant's chat widget. The per-visitor and per-network
// rate limits bound how fast; this bounds how much: the bytes visitors have uploaded and not sent
// (each kept for a day until a message claims it or the expiry purge removes it) stay under
// WIDGET_UNSENT_UPLOAD_MAX_BYTES per tenant. Past it, visitors' uploads wait with a 429 and
// Retry-After while members' uploads and every sent file are untouched.
// Checked before the body is read, against the announced size (or the largest file allowed when
// none is announced). Uploads in flight at the same moment each pass the check, so the total can
// overshoot the room by what they carry: at most the largest file per upload under way, and each
// network may start 100 uploads per 10 minutes. It bounds storage; it is not an exact quota.
import { env } from "@/env";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";

/** Unsent files expire within a day; a visitor retrying sooner than this would mostly be refused again. */
const RETRY_AFTER_SECONDS = 15 * 60;

export async function unsentVisitorBytes(db: TenantDb, tenantId: string): Promise<number> {
  // Summed as bigint: past 2 GiB a 32-bit sum would not fit the column's type.
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE(SUM(size), 0)::bigint AS total FROM attachments
    WHERE tenant_id = ${tenantId}::uuid AND chat_visitor_id IS NOT NULL AND message_id IS NULL`;
  return Number(row?.total ?? 0n);
}

/** Throws TOO_MANY_REQUESTS (UNSENT_UPLOADS_FULL) when `incomingBytes` more would pass the tenant's room for unsent visitor files. */
export async function ensureVisitorUploadRoom(db: TenantDb, tenantId: string, incomingBytes: number, maxBytes = env.WIDGET_UNSENT_UPLOAD_MAX_BYTES): Promise<void> {
  if ((await unsentVisitorBytes(db, tenantId)) + incomingBytes <= maxBytes) return;
  throw new AppError("TOO_MANY_REQUESTS", "This site is receiving too many files right now; try again later, or send your message without the file", {
    reason: "UNSENT_UPLOADS_FULL",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}
