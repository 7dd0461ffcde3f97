// The tenant's realtime event log: appended in the transaction of the change, read by the hub
// after the bus wakes it. Appending bumps the tenant's row in realtime_counters and holds that
// row's lock until commit, so a tenant's events commit in seq order, with no gaps and nothing
// from a transaction that rolled back: a reader that has seen seq n has seen all before it.
// The lock is taken as the transaction's last statement (withTenantDb flushes events last), so
// it is held for the commit only and is never waited on while holding another row.
import type { LoggedEventKind } from "@/lib/realtime/events";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import type { TenantDb } from "@/server/db/tenant-db";

export type EventData = Record<string, string | number | boolean | null>;

export interface NewEvent {
  kind: LoggedEventKind;
  entityId: string;
  /** Only this user receives it (their notifications); otherwise every member of the tenant. */
  userId?: string | null;
  data?: EventData;
}

export interface StoredEvent {
  seq: number;
  kind: LoggedEventKind;
  entityId: string;
  userId: string | null;
  data: EventData;
  createdAt: Date;
}

type Db = Pick<TenantDb | PrivilegedDb, "$queryRaw">;

/** Appends `events` in order and returns the last seq written (null when there was nothing). */
export async function appendEvents(db: Db, tenantId: string, events: readonly NewEvent[]): Promise<number | null> {
  if (events.length === 0) return null;
  const rows = JSON.stringify(events.map((e, i) => ({ i: i + 1, kind: e.kind, entity_id: e.entityId, user_id: e.userId ?? null, data: e.data ?? {} })));
  const [row] = await db.$queryRaw<{ last: bigint }[]>`
    WITH counter AS (
      INSERT INTO realtime_counters (tenant_id, last_seq) VALUES (${tenantId}::uuid, ${events.length})
      ON CONFLICT (tenant_id) DO UPDATE SET last_seq = realtime_counters.last_seq + EXCLUDED.last_seq
      RETURNING last_seq
    ), written AS (
      INSERT INTO realtime_events (tenant_id, seq, kind, entity_id, user_id, data)
      SELECT ${tenantId}::uuid, counter.last_seq - ${events.length} + e.i, e.kind, e.entity_id, e.user_id, e.data
        FROM counter, jsonb_to_recordset(${rows}::jsonb) AS e(i int, kind text, entity_id uuid, user_id uuid, data jsonb)
      RETURNING seq
    )
    SELECT max(seq) AS last FROM written`;
  return Number(row!.last);
}

const toStored = (r: { seq: bigint; kind: string; entityId: string; userId: string | null; data: unknown; createdAt: Date }): StoredEvent => ({
  seq: Number(r.seq),
  kind: r.kind as LoggedEventKind,
  entityId: r.entityId,
  userId: r.userId,
  data: (r.data ?? {}) as EventData,
  createdAt: r.createdAt,
});

/** Up to `limit` events after `afterSeq`, oldest first. Run inside the tenant's transaction. */
export async function readEvents(db: TenantDb, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.realtimeEvent.findMany({
    where: { seq: { gt: BigInt(afterSeq) } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, kind: true, entityId: true, userId: true, data: true, createdAt: true },
  });
  return rows.map(toStored);
}

/** The tenant's last seq (0 before its first event). */
export async function headSeq(db: TenantDb): Promise<number> {
  const row = await db.realtimeCounter.findFirst({ select: { lastSeq: true } });
  return row ? Number(row.lastSeq) : 0;
}

/** The oldest seq still kept: a client that last saw an event before it has missed some. */
export async function oldestSeq(db: TenantDb): Promise<number | null> {
  const row = await db.realtimeEvent.findFirst({ orderBy: { seq: "asc" }, select: { seq: true } });
  return row ? Number(row.seq) : null;
}
