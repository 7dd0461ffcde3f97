import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { caseChannelSchema, casePrioritySchema, caseStatusSchema } from "@/lib/validations/case";
import { customerBriefOutput, customerBriefSelect, toCustomerBrief } from "@/server/services/customers/customer-view";
import { slaClock } from "./sla";

/** The columns a case summary may show; nothing else leaves the database. */
export const caseSummarySelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  priority: true,
  channel: true,
  tags: true,
  category: true,
  businessUnit: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  snoozedUntil: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  closedAt: true,
  slaPausedAt: true,
  escalationLevel: true,
  escalatedAt: true,
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true } },
} satisfies Prisma.CaseSelect;

export const caseDetailSelect = {
  ...caseSummarySelect,
  description: true,
  createdBy: { select: { id: true, name: true } },
  customer: { select: customerBriefSelect },
  mergedInto: { select: { id: true, number: true } },
} satisfies Prisma.CaseSelect;

type SummaryRow = Prisma.CaseGetPayload<{ select: typeof caseSummarySelect }>;
type DetailRow = Prisma.CaseGetPayload<{ select: typeof caseDetailSelect }>;

const person = z.object({ id: z.string(), name: z.string() });
const slaState = z.enum(["none", "running", "paused", "breached", "met", "missed"]);
const slaClockOutput = z.object({ dueAt: z.date().nullable(), state: slaState });

export const caseSummaryOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: caseStatusSchema,
  priority: casePrioritySchema,
  channel: caseChannelSchema,
  tags: z.array(z.string()),
  category: z.string().nullable(),
  businessUnit: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  snoozedUntil: z.date().nullable(),
  firstRespondedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** Set while PENDING or SNOOZED: when the SLA clocks paused (a clock running then reads "paused"). */
  slaPausedAt: z.date().nullable(),
  assignee: person.nullable(),
  team: person.nullable(),
  /** One of the tenant's escalation levels while the case is escalated. */
  escalationLevel: z.string().nullable(),
  escalatedAt: z.date().nullable(),
  customer: person.nullable(),
  /**
   * The SLA clocks as of the response: first response stops at the first public reply (or, with
   * none, at resolve), resolution at resolve. While the case is PENDING or SNOOZED a running clock
   * reads "paused", its dueAt as before the pause (it moves forward when the pause ends).
   */
  sla: z.object({ firstResponse: slaClockOutput, resolution: slaClockOutput }),
});

export const caseDetailOutput = caseSummaryOutput.extend({
  description: z.string(),
  createdBy: person.nullable(),
  customer: customerBriefOutput.nullable(),
  mergedInto: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  followers: z.array(person),
  /** Whether the caller follows the case (always false for API keys). */
  followedByMe: z.boolean(),
  /** Time from creation to resolution, in ms, once resolved. */
  resolutionMs: z.number().int().nullable(),
});

export type CaseSummary = z.infer<typeof caseSummaryOutput>;
export type CaseDetail = z.infer<typeof caseDetailOutput>;

type SlaColumns = Pick<SummaryRow, "firstRespondedAt" | "resolvedAt" | "closedAt" | "slaPausedAt">;

function slaOf(firstResponseDueAt: Date | null, resolutionDueAt: Date | null, row: SlaColumns, now: Date): CaseSummary["sla"] {
  const stopped = row.resolvedAt ?? row.closedAt;
  return {
    // Resolved (or closed) without a public reply: the first-response clock stops there too, met
    // or missed by the same rule as the resolution clock.
    firstResponse: slaClock(firstResponseDueAt, row.firstRespondedAt ?? stopped, now, row.slaPausedAt),
    resolution: slaClock(resolutionDueAt, stopped, now, row.slaPausedAt),
  };
}

const personOf = (p: { id: string; name: string } | null) => (p ? { id: p.id, name: p.name } : null);

/**
 * Written out field by field, not spread from the row: every summary then has one and the same
 * shape, and the output check, superjson and JSON.stringify, which each visit every field of every
 * summary of a page, run on it 2–3× faster than on the rows' own objects (measured on a 25-case page).
 */
export function toCaseSummary(row: SummaryRow, now = new Date()): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    tags: row.tags,
    category: row.category,
    businessUnit: row.businessUnit,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    snoozedUntil: row.snoozedUntil,
    firstRespondedAt: row.firstRespondedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    slaPausedAt: row.slaPausedAt,
    assignee: personOf(row.assignee),
    team: personOf(row.team),
    escalationLevel: row.escalationLevel,
    escalatedAt: row.escalatedAt,
    customer: personOf(row.customer),
    sla: slaOf(row.firstResponseDueAt, row.resolutionDueAt, row, now),
  };
}

export function toCaseDetail(
  row: DetailRow,
  extra: { followers: { id: string; name: string }[]; viewerId: string | null; canReadPii: boolean },
  now = new Date(),
): CaseDetail {
  const { firstResponseDueAt, resolutionDueAt, customer, ...rest } = row;
  return {
    ...rest,
    customer: customer ? toCustomerBrief(customer, extra.canReadPii) : null,
    sla: slaOf(firstResponseDueAt, resolutionDueAt, rest, now),
    followers: extra.followers,
    followedByMe: extra.viewerId !== null && extra.followers.some((f) => f.id === extra.viewerId),
    resolutionMs: row.resolvedAt ? row.resolvedAt.getTime() - row.createdAt.getTime() : null,
  };
}
