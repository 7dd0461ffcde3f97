// The record of each run (AgentRun) and the tenant's budget, checked when a run starts: tokens per
// UTC day (the day's AiUsage row, added to as each run ends) and runs per minute (the runs started
// in the last minute), under a per-tenant advisory lock, so concurrent starts on any instance see
// each other. A run is written when it starts (RUNNING) and when it ends, each in one short
// transaction of two statements: the model call in between never holds a database connection, and
// the framework's own cost stays a few milliseconds per run (npm run bench -- --only ai).
import type { AiSettings } from "@/lib/validations/tenant-settings";
import { v7 as uuidv7 } from "uuid";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { postSystemItem } from "@/server/services/feed/feed-events";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";

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
    // The record does not wait for its WAL flush (synchronous_commit off for this transaction):
    // a database crash may lose the last fraction of a second of run records, never corrupt them,
    // and each run saves a disk flush, most of what the record would otherwise cost.
    const [tenant] = await db.$queryRaw<{ settings: unknown }[]>`
      SELECT settings, pg_advisory_xact_lock(hashtext('ai-budget'), hashtext(${tenantId}))::text AS locked,
             set_config('synchronous_commit', 'off', true) AS sync
        FROM tenants WHERE id = ${tenantId}::uuid`;
    const settings = parseTenantSettings(tenant?.settings).ai;
    if (!settings.enabled) return { refused: "disabled", message: "AI assist is turned off for this organisation" };
    const now = new Date();
    const runId = uuidv7();
    // One statement: the day's tokens (its usage row), the minute's runs (at most runsPerMinute of
    // them), and the run's row inserted only when both are under the tenant's limits.
    const [usage] = await db.$queryRaw<{ tokens: number; lastMinute: number; started: number }[]>`
      WITH usage AS (
        SELECT coalesce((SELECT tokens FROM ai_usage WHERE tenant_id = ${tenantId}::uuid AND day = ${startOfUtcDay(now)}::date), 0)::int AS tokens,
               (SELECT count(*) FROM agent_runs WHERE tenant_id = ${tenantId}::uuid AND created_at > ${new Date(now.getTime() - 60_000)})::int AS last_minute
      ), started AS (
        INSERT INTO agent_runs (id, tenant_id, agent, agent_version, model, case_id, user_id, created_at)
        SELECT ${runId}::uuid, ${tenantId}::uuid, ${run.agent}, ${run.version}::int, ${run.model}, ${run.caseId ?? null}::uuid, ${run.userId ?? null}::uuid, ${now}
          FROM usage
         WHERE tokens < ${settings.tokensPerDay}::int AND last_minute < ${settings.runsPerMinute}::int
        RETURNING id
      )
      SELECT usage.tokens, usage.last_minute AS "lastMinute", (SELECT count(*) FROM started)::int AS started FROM usage`;
    if (usage?.started === 1) return { runId, settings };
    if ((usage?.tokens ?? 0) >= settings.tokensPerDay) {
      await announcePause(db, now);
      const tomorrow = startOfUtcDay(new Date(now.getTime() + 86_400_000));
      return {
        refused: "budget_exceeded",
        message: "AI assist is paused for today: the organisation's daily token budget is spent",
        retryAfterSeconds: Math.ceil((tomorrow.getTime() - now.getTime()) / 1000),
      };
    }
    return { refused: "budget_exceeded", message: "Too many AI requests this minute; try again shortly", retryAfterSeconds: 60 };
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
  const day = startOfUtcDay(new Date());
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  // One statement: the day's usage added to (so the budget sees it at once) and the run's record,
  // without waiting for the WAL flush (as in startRun).
  await withTenantDb(tenantId, (db) => db.$executeRaw`
    WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
    usage AS (
      INSERT INTO ai_usage (tenant_id, day, tokens, runs, updated_at)
      VALUES (${tenantId}::uuid, ${day}::date, ${end.tokensIn + end.tokensOut}::int, 1, now())
      ON CONFLICT (tenant_id, day) DO UPDATE SET tokens = ai_usage.tokens + excluded.tokens, runs = ai_usage.runs + 1, updated_at = now()
    )
    UPDATE agent_runs
       SET outcome = ${end.outcome}::"AgentRunOutcome", failure_reason = ${end.failureReason ?? null}, error = ${end.error?.slice(0, 2000) ?? null},
           attempts = ${JSON.stringify(end.attempts)}::jsonb, tokens_in = ${end.tokensIn}::int, tokens_out = ${end.tokensOut}::int,
           latency_ms = ${end.latencyMs}::int, redactions = ${JSON.stringify(end.redactions)}::jsonb,
           prompt = ${json(end.prompt)}::jsonb, output = ${json(end.output)}::jsonb, finished_at = now()
     WHERE tenant_id = ${tenantId}::uuid AND id = ${runId}::uuid AND EXISTS (SELECT 1 FROM relaxed)`);
}
