// Procedures reject with a TRPCError whose cause is the AppError the middleware chain decided on;
// toAppError is the same mapping the error formatter uses, so tests see what clients see.
import { expect } from "vitest";
import type { AppError, AppErrorCode } from "@/server/errors/app-error";
import { toAppError } from "@/server/errors/to-app-error";

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(result)?.slice(0, 300)}`);
}

/** Asserts the code (and reason, when given) and returns the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode, reason?: string): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect({ code: error.code, reason: error.details?.reason }, error.message).toMatchObject({ code, ...(reason ? { reason } : {}) });
  return error;
}
