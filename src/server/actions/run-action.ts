// Server actions call procedures through the server-side caller; this turns whatever they throw
// into the ActionResult forms understand, so validation and permission errors show inline and
// unexpected ones carry a request id.
import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { ActionResult } from "@/lib/action-result";
import { toAppError } from "@/server/errors/to-app-error";
import { logger } from "@/server/logger";
import { headers } from "next/headers";

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (isRedirectError(error)) throw error;
    const appError = toAppError(error);
    const requestId = (await headers()).get("x-request-id") ?? undefined;
    if (appError.httpStatus >= 500) logger.error({ err: error, requestId }, "server action failed");
    const { fieldErrors, ...details } = appError.details ?? {};
    return {
      ok: false,
      error: {
        code: appError.code,
        message: appError.message,
        fieldErrors,
        ...(Object.keys(details).length ? { details } : {}),
        requestId,
      },
    };
  }
}
