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
    // Tokens, and links and message bodies that may carry one (invitations, password resets),
    // are a second line behind never logging them: a field added carelessly still prints as
    // "[redacted]". (Paths are exact: top level or one object down.)
    paths: [
      "password", "*.password", "secret", "*.secret", "authorization", "*.authorization", "headers.cookie",
      "token", "*.token", "url", "*.url", "link", "*.link", "text", "*.text", "html", "*.html",
    ],
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
