// The audit log as CSV: every event matching the filter, newest first, read page by page through
// the same procedure the viewer uses (so the same permission and tenant checks apply to each page).
import { csvStringifier } from "@/server/services/csv/writer";

export const AUDIT_CSV_COLUMNS = ["time", "actor_type", "actor_id", "actor_name", "action", "target_type", "target_id", "target_name", "request_id", "ip", "user_agent", "diff"] as const;

export interface AuditCsvEvent {
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  diff: unknown;
  /** Names resolved by audit.list (services/audit-log); the actor map is the fallback. */
  actor?: { name: string };
  target?: { label: string } | null;
}

export type AuditPageReader = (cursor: string | null) => Promise<{ items: AuditCsvEvent[]; nextCursor: string | null }>;

/** Streams CSV bytes; pages are read only as fast as the client downloads. */
export function auditCsvStream(readPage: AuditPageReader, actorNames: ReadonlyMap<string, string>): ReadableStream<Uint8Array> {
  const csv = csvStringifier({ header: true, columns: [...AUDIT_CSV_COLUMNS] });
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let done = false;
  const chunks: string[] = [];
  csv.on("data", (chunk: Buffer | string) => chunks.push(chunk.toString()));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const page = await readPage(cursor);
      for (const e of page.items) {
        csv.write(
          [
            e.createdAt.toISOString(),
            e.actorType,
            e.actorId ?? "",
            e.actor?.name ?? (e.actorId ? (actorNames.get(e.actorId) ?? "") : ""),
            e.action,
            e.targetType ?? "",
            e.targetId ?? "",
            e.target?.label ?? "",
            e.requestId ?? "",
            e.ip ?? "",
            e.userAgent ?? "",
            e.diff === null || e.diff === undefined ? "" : JSON.stringify(e.diff),
          ],
        );
      }
      cursor = page.nextCursor;
      if (!cursor) {
        done = true;
        await new Promise<void>((resolve) => csv.end(resolve));
      }
      // csv-stringify emits synchronously on write; hand over what it produced.
      if (chunks.length) controller.enqueue(encoder.encode(chunks.splice(0).join("")));
      if (done) controller.close();
    },
  });
}
