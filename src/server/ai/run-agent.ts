// Runs an agent: budget → redact → call → extract JSON → validate → (feed the error back, at most
// MAX_VALIDATION_ATTEMPTS answers) → restore personal data → a typed output, or a typed failure
// and nothing else. Provider trouble (429, 5xx, a timeout, a dropped connection) is retried with
// backoff that honours Retry-After, at most MAX_PROVIDER_RETRIES times. Every run is recorded
// (runs.ts) and counted (metrics.ts), whatever its end.
//
// Never called inside a database transaction: a model call takes seconds, and a transaction held
// that long would starve the pool (and block the embedded database outright).
import "server-only";
import { APICallError, generateText, streamText, type ModelMessage } from "ai";
import { env } from "@/env";
import { logger } from "@/server/logger";
import type { AgentDefinition } from "./define-agent";
import { extractJson } from "./extract-json";
import { recordAiRun } from "./metrics";
import { aiProvider } from "./provider";
import { Redactor } from "./redact";
import { backoffMs, MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-delay";
import { finishRun, startRun, type AttemptRecord, type FailureReason } from "./runs";

export const MAX_VALIDATION_ATTEMPTS = 3;
export const MAX_PROVIDER_RETRIES = 3;

export type AgentResult<Output> =
  | { ok: true; output: Output; runId: string }
  | { ok: false; reason: FailureReason | "unavailable"; message: string; runId: string | null; retryAfterSeconds?: number };

export interface RunOptions {
  tenantId: string;
  caseId?: string | null;
  /** The member who asked; null for a job. */
  userId?: string | null;
  signal?: AbortSignal;
  /**
   * Streams the answer as it is written (the text so far, placeholders restored). The final
   * output is still validated; after a failed attempt the next one starts again from nothing.
   */
  onText?: (textSoFar: string, attempt: number) => void;
}

type Completion = { text: string; tokensIn: number; tokensOut: number };

class CallFailure extends Error {
  constructor(
    readonly reason: "timeout" | "rate_limited" | "provider_error" | "cancelled",
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly waitMs?: number | null,
  ) {
    super(message);
  }
}

function describeCallError(error: unknown, timedOut: boolean, cancelled: boolean): CallFailure {
  if (cancelled) return new CallFailure("cancelled", "The run was cancelled", false);
  if (timedOut) return new CallFailure("timeout", "The model did not answer in time", true);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const wait = retryAfterMs(error.responseHeaders);
    if (status === 429) return new CallFailure("rate_limited", "The provider is rate limiting", true, status, wait);
    return new CallFailure("provider_error", `The provider answered ${status ?? "with an error"}`, error.isRetryable || (status ?? 0) >= 500, status, wait);
  }
  // A dropped connection or a DNS failure: worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return new CallFailure("provider_error", `The provider could not be reached: ${message.slice(0, 200)}`, true);
}

async function callModel(
  messages: ModelMessage[],
  instructions: string,
  agent: AgentDefinition<unknown, unknown>,
  signal: AbortSignal | undefined,
  onText: ((text: string) => void) | undefined,
): Promise<Completion> {
  const model = await aiProvider()!.languageModel();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), agent.timeoutMs ?? env.AI_TIMEOUT_MS);
  const abortSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const request = {
    model,
    instructions,
    messages,
    maxRetries: 0,
    abortSignal,
    temperature: agent.temperature ?? 0,
    maxOutputTokens: agent.maxOutputTokens ?? 1024,
  };
  try {
    if (!onText) {
      const result = await generateText(request);
      return { text: result.text, tokensIn: result.usage.inputTokens ?? 0, tokensOut: result.usage.outputTokens ?? 0 };
    }
    const result = streamText(request);
    let text = "";
    let tokensIn = 0;
    let tokensOut = 0;
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        text += part.text;
        onText(text);
      } else if (part.type === "finish") {
        tokensIn = part.totalUsage.inputTokens ?? 0;
        tokensOut = part.totalUsage.outputTokens ?? 0;
      } else if (part.type === "error") {
        throw part.error;
      } else if (part.type === "abort") {
        throw new Error("aborted");
      }
    }
    return { text, tokensIn, tokensOut };
  } catch (error) {
    throw describeCallError(error, timeout.signal.aborted, signal?.aborted === true);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CallFailure("cancelled", "The run was cancelled", false));
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new CallFailure("cancelled", "The run was cancelled", false));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The schema's complaint, short enough to feed back: path and message of each issue. */
function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}

export async function runAgent<Input, Output>(agent: AgentDefinition<Input, Output> & { schemaText: string }, rawInput: Input, options: RunOptions): Promise<AgentResult<Output>> {
  const provider = aiProvider();
  if (!provider) return { ok: false, reason: "unavailable", message: "No AI provider is configured", runId: null };
  const input = agent.input.parse(rawInput);
  const started = performance.now();
  const count = (outcome: "succeeded" | "failed", failureReason: string | null, tokensIn = 0, tokensOut = 0) =>
    recordAiRun({ agent: agent.name, outcome, failureReason, ms: performance.now() - started, tokensIn, tokensOut });

  const start = await startRun(options.tenantId, { agent: agent.name, version: agent.version, model: provider.label, caseId: options.caseId, userId: options.userId });
  if ("refused" in start) {
    count("failed", start.refused);
    return { ok: false, reason: start.refused, message: start.message, runId: null, retryAfterSeconds: start.retryAfterSeconds };
  }

  const redactor = new Redactor(agent.knownPii?.(input) ?? []);
  const instructions = `${agent.instructions}\n\nAnswer with one JSON object that matches this JSON Schema, and nothing else:\n${agent.schemaText}`;
  const messages: ModelMessage[] = [{ role: "user", content: redactor.redact(agent.prompt(input)) }];
  const attempts: AttemptRecord[] = [];
  let tokensIn = 0;
  let tokensOut = 0;
  let answers = 0;
  let providerRetries = 0;
  let redactedOutput: unknown;

  const finish = async (result: AgentResult<Output>, failureReason?: FailureReason, error?: string): Promise<AgentResult<Output>> => {
    const keep = start.settings.keepPrompts;
    try {
      await finishRun(options.tenantId, start.runId, {
        outcome: result.ok ? "SUCCEEDED" : "FAILED",
        failureReason,
        error,
        attempts,
        tokensIn,
        tokensOut,
        latencyMs: Math.round(performance.now() - started),
        redactions: redactor.summary(),
        prompt: keep ? { instructions, messages } : undefined,
        output: keep ? redactedOutput : undefined,
      });
    } catch (err) {
      // The run's outcome stands even if its record could not be written (it stays RUNNING).
      logger.error({ err, runId: start.runId, agent: agent.name }, "could not record the end of an AI run");
    }
    count(result.ok ? "succeeded" : "failed", failureReason ?? null, tokensIn, tokensOut);
    return result;
  };

  while (answers < MAX_VALIDATION_ATTEMPTS) {
    const callStarted = performance.now();
    let completion: Completion;
    try {
      completion = await callModel(messages, instructions, agent as AgentDefinition<unknown, unknown>, options.signal, options.onText && ((t) => options.onText!(redactor.restore(t), answers + 1)));
    } catch (error) {
      const failure = error instanceof CallFailure ? error : describeCallError(error, false, false);
      attempts.push({ n: attempts.length + 1, kind: "call", ms: Math.round(performance.now() - callStarted), status: failure.status, error: failure.message });
      const tooLong = failure.waitMs != null && failure.waitMs > MAX_RETRY_AFTER_MS;
      if (!failure.retryable || providerRetries >= MAX_PROVIDER_RETRIES || tooLong) {
        return finish({ ok: false, reason: failure.reason, message: failure.message, runId: start.runId }, failure.reason, failure.message);
      }
      providerRetries++;
      try {
        await sleep(failure.waitMs ?? backoffMs(providerRetries), options.signal);
      } catch {
        return finish({ ok: false, reason: "cancelled", message: "The run was cancelled", runId: start.runId }, "cancelled", "cancelled while waiting to retry");
      }
      continue;
    }
    answers++;
    tokensIn += completion.tokensIn;
    tokensOut += completion.tokensOut;
    attempts.push({ n: attempts.length + 1, kind: "call", ms: Math.round(performance.now() - callStarted) });
    const extracted = extractJson(completion.text);
    const parsed = extracted.ok ? agent.output.safeParse(extracted.value) : null;
    if (parsed?.success) {
      redactedOutput = parsed.data;
      return finish({ ok: true, output: redactor.restoreDeep(parsed.data), runId: start.runId });
    }
    const problem = extracted.ok ? `The JSON did not match the schema: ${describeIssues(parsed!.error)}` : extracted.error;
    attempts.push({ n: attempts.length + 1, kind: "validation", error: problem.slice(0, 1000) });
    messages.push({ role: "assistant", content: completion.text }, { role: "user", content: `${problem}\nReply again with the corrected JSON object only.` });
  }
  const last = attempts.at(-1)?.error ?? "invalid output";
  return finish(
    { ok: false, reason: "invalid_output", message: `The model's answer did not match what was asked after ${MAX_VALIDATION_ATTEMPTS} attempts`, runId: start.runId },
    "invalid_output",
    last,
  );
}
