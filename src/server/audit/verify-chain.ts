// Checks a tenant's audit chain with the database's own verifier (audit_chain_breaks), so the
// hash is computed by exactly the code that wrote it.
import type { PrismaClient } from "@/server/db/generated/client";

type Queryable = Pick<PrismaClient, "$queryRaw">;

export interface ChainBreak {
  seq: number;
  eventId: string;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  breaks: ChainBreak[];
}

export async function verifyAuditChain(db: Queryable, tenantId: string): Promise<ChainReport> {
  const [count] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_events WHERE tenant_id = ${tenantId}::uuid`;
  const breaks = await db.$queryRaw<{ seq: number; event_id: string; reason: string }[]>`
    SELECT seq, event_id, reason FROM audit_chain_breaks(${tenantId}::uuid)`;
  return {
    ok: breaks.length === 0,
    events: Number(count?.n ?? 0),
    breaks: breaks.map((b) => ({ seq: b.seq, eventId: b.event_id, reason: b.reason })),
  };
}
