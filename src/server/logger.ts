// The one logger. JSON lines; every line carries the request context (request id, tenant, actor)
// when there is one, through AsyncLocalStorage, so no call site has to pass it.
import pino from "pino";
import { env } from "@/env";
import { currentContext } from "@/server/context/request-context";

/**
 * Fields some errors carry that are whole objects, not facts about the error: pg puts the Client on
 * an idle connection's error (its sockets, parameters and queues: kilobytes per line) and the
 * Connection on others.
 */
const OBJECT_FIELDS = ["client", "connection"] as const;

/** pino's error serializer (type, message and stack with their causes, own fields) without OBJECT_FIELDS. */
export function serializeError(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown;
  if (out && typeof out === "object") for (const key of OBJECT_FIELDS) delete (out as Record<string, unknown>)[key];
  return out;
}

export const logger = pino({
  level: env.LOG_LEVEL,
  serializers: { err: serializeError },
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
