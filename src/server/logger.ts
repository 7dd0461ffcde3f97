// The one logger. JSON lines; every line carries the request context (request id, tenant, actor)
// when there is one, through AsyncLocalStorage, so no call site has to pass it.
import pino from "pino";
import { env } from "@/env";
import { currentContext } from "@/server/context/request-context";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "caseboard", env: env.APP_ENV },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["password", "*.password", "secret", "*.secret", "authorization", "*.authorization", "headers.cookie"],
    censor: "[redacted]",
  },
  mixin() {
    const ctx = currentContext();
    if (!ctx) return {};
    return {
      requestId: ctx.requestId,
      tenantId: ctx.tenant?.id,
      actor: ctx.actor ? `${ctx.actor.type}:${ctx.actor.id}` : undefined,
    };
  },
});

export type Logger = typeof logger;
