// Outermost middleware: runs the call in a request context, times it, logs it once, and turns
// domain errors into tRPC errors with the right code (hence the right HTTP status).
import { TRPCError } from "@trpc/server";
import { runWithContext } from "@/server/context/request-context";
import { isExpected, toAppError } from "@/server/errors/to-app-error";
import { recordProcedureCall } from "@/server/http/request-metrics";
import { logger } from "@/server/logger";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import type { TRPCContext } from "../context";
import type { TRPCInstance } from "../trpc";
import { addressLimitKey } from "@/server/rate-limit/address-key";

export const requestMiddleware = (t: TRPCInstance) =>
  t.middleware(async ({ ctx, path, type, next }) => {
    const c = ctx as TRPCContext;
    const started = performance.now();
    return runWithContext(
      {
        requestId: c.requestId,
        ip: c.ip,
        userAgent: c.userAgent,
        actor: c.user
          ? { type: "user", id: c.user.id }
          : c.apiKey?.ok
            ? { type: "apiKey", id: c.apiKey.principal.apiKeyId }
            : undefined,
      },
      async () => {
        // API keys took their point while the context was built (before the key was looked up).
        const limitKey = c.user ? `user:${c.user.id}` : addressLimitKey(c.ip);
        try {
          if (!c.rateLimited) {
            const rateStarted = performance.now();
            await consumeOrThrow(limiters().api, limitKey, "requests");
            c.timing?.add("rate", performance.now() - rateStarted);
          }
        } catch (error) {
          const limited = toAppError(error);
          logger.warn({ procedure: path, limitKey, code: limited.code }, "rate limited");
          recordProcedureCall(path, limited.code, performance.now() - started);
          throw new TRPCError({ code: limited.code, message: limited.message, cause: limited });
        }
        const procStarted = performance.now();
        const result = await next();
        c.timing?.add("proc", performance.now() - procStarted);
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        if (result.ok) {
          logger.info({ procedure: path, type, durationMs, ok: true }, "procedure");
          if (type !== "subscription") recordProcedureCall(path, "OK", durationMs);
          return result;
        }
        const appError = toAppError(result.error);
        if (type !== "subscription") recordProcedureCall(path, appError.code, durationMs);
        if (isExpected(appError)) {
          logger.info({ procedure: path, type, durationMs, ok: false, code: appError.code }, "procedure");
        } else {
          logger.error({ procedure: path, type, durationMs, err: result.error.cause ?? result.error }, "procedure failed");
        }
        if (appError.code === "INTERNAL_SERVER_ERROR") return result;
        throw new TRPCError({ code: appError.code, message: appError.message, cause: appError });
      },
    );
  });
