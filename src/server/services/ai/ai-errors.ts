// A failed or refused AI run as the one error shape members and scripts get: a code and status
// that say what to do (wait, change a setting, try again), and the reason.
import { AppError } from "@/server/errors/app-error";
import type { AgentResult } from "@/server/ai/run-agent";

export function aiFailure(result: Extract<AgentResult<unknown>, { ok: false }>): AppError {
  const details = { reason: `AI_${result.reason.toUpperCase()}`, runId: result.runId };
  switch (result.reason) {
    case "unavailable":
      return new AppError("PRECONDITION_FAILED", "AI assist is not set up on this server", details);
    case "disabled":
      return new AppError("FORBIDDEN", "AI assist is turned off for this organisation", details);
    case "budget_exceeded":
      return new AppError("TOO_MANY_REQUESTS", result.message, { ...details, retryAfterSeconds: result.retryAfterSeconds ?? 60 });
    case "invalid_output":
      return new AppError("UNPROCESSABLE_CONTENT", "The AI could not produce a usable answer; try again, or write it yourself", details);
    case "cancelled":
      return new AppError("BAD_REQUEST", "The request was cancelled", details);
    case "timeout":
    case "rate_limited":
    case "provider_error":
      return new AppError("SERVICE_UNAVAILABLE", "The AI provider is not answering right now; try again in a minute", { ...details, retryAfterSeconds: 60 });
  }
}
