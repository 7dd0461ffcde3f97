// Case events are the timeline's record of changes. They are written in the transaction of the
// change, like audit rows; unlike audit rows they are shown to every member of the tenant.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { currentActor } from "./actor";
import { emitEvents } from "@/server/realtime/emit";

export const CASE_EVENT_TYPES = [
  "created",
  "status_changed",
  "assignee_changed",
  "team_changed",
  "priority_changed",
  "tags_changed",
  "fields_changed",
  "customer_changed",
  "merged_into",
  "merged_from",
  "shared",
  "escalated",
  "deescalated",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEventInput {
  caseId: string;
  type: CaseEventType;
  from?: unknown;
  to?: unknown;
  /** Defaults to now; bulk writes pass one time for the whole batch. */
  at?: Date;
}

const json = (v: unknown) => (v === undefined ? undefined : (v as Prisma.InputJsonValue));

/** The realtime event others get for a timeline entry (they refetch the case if they show it). */
const liveKind = (type: CaseEventType) => (type === "created" ? "case.created" : type.startsWith("merged_") ? "case.merged" : "case.updated");

export async function recordCaseEvents(db: TenantDb, events: CaseEventInput[]): Promise<void> {
  if (events.length === 0) return;
  emitEvents(...events.map((e) => ({ kind: liveKind(e.type), entityId: e.caseId, data: { change: e.type } }) as const));
  const actor = currentActor();
  const tenantId = requireTenantId();
  await db.caseEvent.createMany({
    data: events.map((e) => ({
      tenantId,
      caseId: e.caseId,
      type: e.type,
      actorType: actor.type,
      actorId: actor.id,
      from: json(e.from),
      to: json(e.to),
      ...(e.at ? { createdAt: e.at } : {}),
    })),
  });
}
