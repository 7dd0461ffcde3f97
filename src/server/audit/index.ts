// Writes audit events: the one writer. Called with the transaction that makes the change, so the
// change and its audit row commit or roll back together. Request id, IP and user agent come from
// the context. Each event is signed here (mac.ts) with a key the database never sees; the
// database's trigger still assigns the sha256 hash and refuses an event without a mac.
import { randomBytes } from "node:crypto";
import { currentContext, type Actor } from "@/server/context/request-context";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { auditKeyRing } from "./keys";
import { eventMac, type AuditEventContent } from "./mac";
import { redact } from "./redact";

interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  diff?: Record<string, unknown>;
  /** Defaults to the actor of the current request. */
  actor?: Actor;
  /** Only for privileged writes; tenant transactions use their own tenant. */
  tenantId?: string;
}

type AuditWriter = Pick<PrismaClient, "$executeRaw" | "$queryRaw"> & {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> };
};

/** A version 7 UUID (time-ordered, like the column's default): the mac covers the id, so it is made here. */
function newEventId(ms: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  const ctx = currentContext();
  const actor = input.actor ?? ctx?.actor ?? { type: "system", id: "system" };
  const tenantId = input.tenantId ?? ctx?.tenant?.id;
  if (!tenantId) throw new Error(`recordAudit(${input.action}) without a tenant`);

  // The lock the chain trigger takes, taken first: until this transaction ends no other writer
  // can append to the tenant's chain, so the position read next is the one the trigger assigns.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('audit:' || ${tenantId}::uuid::text, 0))`;
  const [last] = await db.$queryRaw<{ seq: number; hash: string; mac: string | null }[]>`
    SELECT seq, hash, mac FROM audit_events WHERE tenant_id = ${tenantId}::uuid ORDER BY seq DESC LIMIT 1`;

  // Stored exactly as signed: plain JSON (Dates become strings), as jsonb will give it back.
  const diff = input.diff ? (JSON.parse(JSON.stringify(redact(input.diff))) as Prisma.InputJsonObject) : null;
  const createdAt = new Date();
  const event: AuditEventContent = {
    id: newEventId(createdAt.getTime()),
    tenantId,
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? null,
    actorType: actor.type,
    actorId: actor.id,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
    diff,
    createdAtMs: createdAt.getTime(),
  };
  const key = auditKeyRing().primary;
  await db.auditEvent.create({
    data: {
      id: event.id,
      tenantId,
      seq: event.seq,
      prevHash: event.prevHash,
      actorType: event.actorType,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      requestId: event.requestId,
      ip: event.ip,
      userAgent: event.userAgent,
      diff: diff ?? undefined,
      createdAt,
      mac: eventMac(key, event, last?.mac ?? null),
      macKeyId: key.id,
    },
  });
}
