// Writes audit events. Called with the transaction that makes the change, so the change and its
// audit row commit or roll back together. Request id, IP and user agent come from the context.
import { currentContext, type Actor } from "@/server/context/request-context";
import type { Prisma } from "@/server/db/generated/client";
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

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  const ctx = currentContext();
  const actor = input.actor ?? ctx?.actor ?? { type: "system", id: "system" };
  const tenantId = input.tenantId ?? ctx?.tenant?.id;
  if (!tenantId) throw new Error(`recordAudit(${input.action}) without a tenant`);
  await db.auditEvent.create({
    data: {
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      requestId: ctx?.requestId,
      ip: ctx?.ip,
      userAgent: ctx?.userAgent,
      diff: input.diff ? (redact(input.diff) as Prisma.InputJsonValue) : undefined,
    },
  });
}
