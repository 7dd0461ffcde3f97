import { AppError } from "@/server/errors/app-error";
import type { TRPCContext } from "../context";
import type { TRPCInstance } from "../trpc";

const API_KEY_MESSAGES = {
  MALFORMED: "The API key is malformed",
  UNKNOWN: "The API key is not valid",
  REVOKED: "The API key has been revoked",
  EXPIRED: "The API key has expired",
} as const;

export const authedMiddleware = (t: TRPCInstance) =>
  t.middleware(({ ctx, next }) => {
    const c = ctx as TRPCContext;
    if (c.apiKey && !c.apiKey.ok) {
      throw new AppError("UNAUTHORIZED", API_KEY_MESSAGES[c.apiKey.reason], { reason: `API_KEY_${c.apiKey.reason}` });
    }
    if (!c.user && !c.apiKey?.ok) throw new AppError("UNAUTHORIZED", "Sign in to continue");
    return next({ ctx: { ...c, principal: c.apiKey?.ok ? c.apiKey.principal : null } });
  });
