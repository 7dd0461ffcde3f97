// The chat visitor behind a case, as agents see it beside the conversation: who they said they
// are (verified by the host site or not), the address they left for a reply by mail (masked for
// members without pii:read, as customers' are), and when they were last in the chat.
import { z } from "zod";
import type { Caller } from "@/server/services/cases/actor";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { maskEmail } from "@/server/services/customers/pii";
import { visitorSelect, visitorView } from "./visitors";

export const caseVisitorOutput = z
  .object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** The host site vouched for this visitor (identity verification); otherwise all is as typed. */
    verified: z.boolean(),
    lastSeenAt: z.date(),
    startedAt: z.date(),
  })
  .nullable();

export async function caseVisitor(db: TenantDb, caller: Caller, caseId: string): Promise<z.infer<typeof caseVisitorOutput>> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { id: true } });
  if (!found) throw notFound("Case");
  const row = await db.chatVisitor.findFirst({
    where: { caseId },
    orderBy: { lastSeenAt: "desc" },
    select: { ...visitorSelect, lastSeenAt: true, createdAt: true },
  });
  if (!row) return null;
  const view = visitorView(row);
  return {
    name: view.name,
    email: view.email && !caller.canReadPii ? maskEmail(view.email) : view.email,
    verified: view.verified,
    lastSeenAt: row.lastSeenAt,
    startedAt: row.createdAt,
  };
}
