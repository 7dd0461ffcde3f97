// The AI runs page: the tenant's runs, newest first, filtered by agent and outcome, and one run's
// attempts. A run still RUNNING long after any attempt could last was cut off (a killed process)
// and is shown as such.
import { z } from "zod";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { decodeTimeCursor, encodeTimeCursor } from "@/server/services/pagination/time-cursor";
import { text } from "@/lib/validations/text";

/** Past this a RUNNING run cannot still be running: 3 answers, 3 retries, each under 10 minutes. */
export const INTERRUPTED_AFTER_MS = 60 * 60_000;

export const listAgentRunsInput = z.object({
  agent: text().trim().min(1).max(40).optional(),
  outcome: z.enum(["SUCCEEDED", "FAILED", "RUNNING", "INTERRUPTED"]).optional(),
  caseId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: text().max(200).nullish(),
});

const attemptOutput = z.object({
  n: z.number(),
  kind: z.enum(["call", "validation"]),
  ms: z.number().optional(),
  status: z.number().optional(),
  error: z.string().optional(),
});

const runSummary = z.object({
  id: z.uuid(),
  agent: z.string(),
  agentVersion: z.number(),
  model: z.string(),
  outcome: z.enum(["SUCCEEDED", "FAILED", "RUNNING", "INTERRUPTED"]),
  failureReason: z.string().nullable(),
  attemptCount: z.number(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  latencyMs: z.number().nullable(),
  caseId: z.uuid().nullable(),
  caseNumber: z.number().nullable(),
  createdAt: z.date(),
});

export const listAgentRunsOutput = z.object({
  items: z.array(runSummary),
  nextCursor: z.string().nullable(),
  /** Tokens used today (UTC) and the day's budget, for the page's header. */
  usage: z.object({ tokensToday: z.number(), tokensPerDay: z.number() }),
});

export const agentRunOutput = runSummary.extend({
  error: z.string().nullable(),
  attempts: z.array(attemptOutput),
  redactions: z.record(z.string(), z.number()),
  prompt: z.unknown().nullable(),
  output: z.unknown().nullable(),
  finishedAt: z.date().nullable(),
});

type RunRow = {
  id: string;
  agent: string;
  agentVersion: number;
  model: string;
  outcome: "RUNNING" | "SUCCEEDED" | "FAILED";
  failureReason: string | null;
  attempts: unknown;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number | null;
  caseId: string | null;
  createdAt: Date;
};

const attemptsOf = (value: unknown) => z.array(attemptOutput).catch([]).parse(value);

function outcomeOf(row: RunRow, now: number) {
  return row.outcome === "RUNNING" && now - row.createdAt.getTime() > INTERRUPTED_AFTER_MS ? "INTERRUPTED" : row.outcome;
}

async function caseNumbers(db: TenantDb, ids: (string | null)[]): Promise<Map<string, number>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.case.findMany({ where: { id: { in: wanted } }, select: { id: true, number: true } });
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function listAgentRuns(db: TenantDb, input: z.output<typeof listAgentRunsInput>, tokensPerDay: number): Promise<z.output<typeof listAgentRunsOutput>> {
  const now = Date.now();
  const interruptedBefore = new Date(now - INTERRUPTED_AFTER_MS);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const outcome =
    input.outcome === "INTERRUPTED"
      ? { outcome: "RUNNING" as const, createdAt: { lt: interruptedBefore } }
      : input.outcome === "RUNNING"
        ? { outcome: "RUNNING" as const, createdAt: { gte: interruptedBefore } }
        : input.outcome
          ? { outcome: input.outcome }
          : {};
  const rows = await db.agentRun.findMany({
    where: {
      ...(input.agent && { agent: input.agent }),
      ...(input.caseId && { caseId: input.caseId }),
      AND: [outcome, after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { id: true, agent: true, agentVersion: true, model: true, outcome: true, failureReason: true, attempts: true, tokensIn: true, tokensOut: true, latencyMs: true, caseId: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  const numbers = await caseNumbers(db, page.map((r) => r.caseId));
  const today = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()));
  const usage = await db.aiUsage.findFirst({ where: { day: today }, select: { tokens: true } });
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r,
      outcome: outcomeOf(r, now),
      attemptCount: attemptsOf(r.attempts).filter((a) => a.kind === "call").length,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeTimeCursor(last.createdAt, last.id) : null,
    usage: { tokensToday: usage?.tokens ?? 0, tokensPerDay },
  };
}

export async function getAgentRun(db: TenantDb, id: string): Promise<z.output<typeof agentRunOutput>> {
  const row = await db.agentRun.findFirst({ where: { id } });
  if (!row) throw notFound("AI run");
  const numbers = await caseNumbers(db, [row.caseId]);
  const attempts = attemptsOf(row.attempts);
  return {
    id: row.id,
    agent: row.agent,
    agentVersion: row.agentVersion,
    model: row.model,
    outcome: outcomeOf(row, Date.now()),
    failureReason: row.failureReason,
    attemptCount: attempts.filter((a) => a.kind === "call").length,
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    latencyMs: row.latencyMs,
    caseId: row.caseId,
    caseNumber: row.caseId ? (numbers.get(row.caseId) ?? null) : null,
    createdAt: row.createdAt,
    error: row.error,
    attempts,
    redactions: z.record(z.string(), z.number()).catch({}).parse(row.redactions),
    prompt: row.prompt ?? null,
    output: row.output ?? null,
    finishedAt: row.finishedAt,
  };
}
