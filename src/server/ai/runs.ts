// The record of each run (AgentRun) and the tenant's budget, checked when a run starts: tokens per
// UTC day and runs per minute from its settings. Both are read from the runs themselves under a
// per-tenant advisory lock, so concurrent starts on any instance see each other. A run is written
// when it starts (RUNNING) and when it ends, each in a short transaction of its own: the model
// call in between never holds a database connection.
import type { AiSettings } from "@/lib/validations/tenant-settings";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { postSystemItem } from "@/server/services/feed/feed-events";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import type { Prisma } from "@/server/db/generated/client";

export type FailureReason = "invalid_output" | "provider_error" | "timeout" | "rate_limited" | "budget_exceeded" | "cancelled" | "disabled";

export interface AttemptRecord {
  n: number;
  /** "call": a model call; "validation": its answer did not match the schema (fed back). */
  kind: "call" | "validation";
  ms?: number;
  status?: number;
  error?: string;
}

export interface RunStart {
  runId: string;
  settings: AiSettings;
}

export type StartRefusal = { refused: "disabled" | "budget_exceeded"; message: string; retryAfterSeconds?: number };

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Starts a run for the tenant, or says why it may not. */
export async function startRun(
  tenantId: string,
  run: { agent: string; version: number; model: string; caseId?: string | null; userId?: string | null },
): Promise<RunStart | StartRefusal> {
  return withTenantDb(tenantId, async (db) => {
    // One start at a time per tenant, so two runs cannot both take the last of a budget; the lock
    // comes with the settings read (one statement), and the usage is read after it (a statement of
    // its own, so its snapshot includes every run started before the lock was granted).
    const [tenant] = await db.$queryRaw<{ settings: unknown }[]>`
      SELECT settings, pg_advisory_xact_lock(hashtext('ai-budget'), hashtext(${tenantId}))::text AS locked FROM tenants WHERE id = ${tenantId}::uuid`;
    const settings = parseTenantSettings(tenant?.settings).ai;
    if (!settings.enabled) return { refused: "disabled", message: "AI assist is turned off for this organisation" };
    const now = new Date();
    const [usage] = await db.$queryRaw<{ tokens: number; lastMinute: number }[]>`
      SELECT coalesce(sum(tokens_in + tokens_out), 0)::int AS tokens,
             count(*) FILTER (WHERE created_at > ${new Date(now.getTime() - 60_000)})::int AS "lastMinute"
        FROM agent_runs
       WHERE tenant_id = ${tenantId}::uuid AND created_at >= ${startOfUtcDay(now)}`;
    if ((usage?.tokens ?? 0) >= settings.tokensPerDay) {
      await announcePause(db, now);
      const tomorrow = startOfUtcDay(new Date(now.getTime() + 86_400_000));
      return {
        refused: "budget_exceeded",
        message: "AI assist is paused for today: the organisation's daily token budget is spent",
        retryAfterSeconds: Math.ceil((tomorrow.getTime() - now.getTime()) / 1000),
      };
    }
    if ((usage?.lastMinute ?? 0) >= settings.runsPerMinute) {
      return { refused: "budget_exceeded", message: "Too many AI requests this minute; try again shortly", retryAfterSeconds: 60 };
    }
    const row = await db.agentRun.create({
      data: { tenantId, agent: run.agent, agentVersion: run.version, model: run.model, caseId: run.caseId ?? null, userId: run.userId ?? null },
      select: { id: true },
    });
    return { runId: row.id, settings };
  });
}

/** Admins read once a day that AI is paused (a feed item only they see; posting it again adds nothing). */
async function announcePause(db: TenantDb, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await postSystemItem(db, {
    kind: "AI_PAUSED",
    title: "AI assist is paused until tomorrow",
    body: "The organisation's daily token budget is spent. Raise it in Settings → AI, or AI resumes at midnight UTC.",
    link: "/settings/ai",
    priority: "HIGH",
    role: "ADMIN",
    dedupeKey: `ai-paused:${day}`,
  });
}

export interface RunEnd {
  outcome: "SUCCEEDED" | "FAILED";
  failureReason?: FailureReason;
  error?: string;
  attempts: AttemptRecord[];
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  redactions: Record<string, number>;
  /** Kept only when the tenant keeps prompts; already redacted. */
  prompt?: unknown;
  output?: unknown;
}

export async function finishRun(tenantId: string, runId: string, end: RunEnd): Promise<void> {
  await withTenantDb(tenantId, (db) =>
    db.agentRun.update({
      where: { tenantId_id: { tenantId, id: runId } },
      data: {
        outcome: end.outcome,
        failureReason: end.failureReason ?? null,
        error: end.error?.slice(0, 2000) ?? null,
        attempts: end.attempts as unknown as Prisma.InputJsonValue,
        tokensIn: end.tokensIn,
        tokensOut: end.tokensOut,
        latencyMs: end.latencyMs,
        redactions: end.redactions,
        prompt: end.prompt === undefined ? undefined : (end.prompt as Prisma.InputJsonValue),
        output: end.output === undefined ? undefined : (end.output as Prisma.InputJsonValue),
        finishedAt: new Date(),
      },
    }),
  );
}
