// The one mapping from anything thrown to an AppError. Every surface (tRPC, REST, server actions,
// route handlers) answers with the result, so clients see one error shape everywhere.
import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { Prisma } from "@/server/db/generated/client";
import { AppError, type AppErrorCode, type FieldErrors } from "./app-error";
import { isConnectionError } from "./connection-error";
import { isDataException, sqlStateOf } from "./sql-state";

const TRPC_TO_APP: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "BAD_REQUEST",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "BAD_REQUEST",
  UNSUPPORTED_MEDIA_TYPE: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNPROCESSABLE_CONTENT: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function validationError(error: ZodError): AppError {
  return new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: zodFieldErrors(error) }, { cause: error });
}

/** True for errors the caller caused; false for bugs and outages, which are logged as errors. */
export function isExpected(error: AppError): boolean {
  return error.httpStatus < 500;
}

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The database (or its pool) is out of reach: 503 with Retry-After, never a 500. */
export function serviceUnavailable(cause?: unknown): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "The service is temporarily unavailable; try again shortly",
    { reason: "DATABASE_UNAVAILABLE", retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    { cause },
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof TRPCError) {
    if (error.cause && error.cause !== error) {
      const inner = error.cause instanceof TRPCError ? undefined : toAppError(error.cause);
      if (inner && (inner.code !== "INTERNAL_SERVER_ERROR" || error.code === "INTERNAL_SERVER_ERROR")) return inner;
    }
    const code = TRPC_TO_APP[error.code] ?? "INTERNAL_SERVER_ERROR";
    return new AppError(code, code === "INTERNAL_SERVER_ERROR" ? "Internal error" : error.message, undefined, { cause: error });
  }
  if (isConnectionError(error)) return serviceUnavailable(error);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (error.code) {
      case "P2025": // record to update/delete not found (also: another tenant's id)
      case "P2001":
      case "P2015":
        return new AppError("NOT_FOUND", "Not found", undefined, { cause: error });
      case "P2002": {
        const target = (error.meta?.target as string[] | string | undefined) ?? [];
        const fields = (Array.isArray(target) ? target : [target]).filter((f) => f !== "tenant_id" && f !== "tenantId");
        const fieldErrors = Object.fromEntries(fields.map((f) => [f, ["is already taken"]]));
        return new AppError("CONFLICT", "A record with these values already exists", { fieldErrors }, { cause: error });
      }
      case "P2034":
        return new AppError("CONFLICT", "The record was changed by someone else; retry", undefined, { cause: error });
    }
  }
  const state = sqlStateOf(error);
  if (isDataException(state)) return dataException(state.column, error);
  return new AppError("INTERNAL_SERVER_ERROR", "Internal error", undefined, { cause: error });
}

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Postgres refused a value (SQLSTATE class 22: text with NUL, a date out of range, a malformed
 * number or JSON). Input validation should have caught it; when it did not, it is still the
 * caller's value, so 400 (with the field when Postgres named the column), never a 500. The
 * SQLSTATE stays in the cause, for the log, not in the answer.
 */
function dataException(column: string | undefined, cause: unknown): AppError {
  const fieldErrors: FieldErrors | undefined = column ? { [camelCase(column)]: ["This value cannot be stored"] } : undefined;
  return new AppError("BAD_REQUEST", "A value is not valid", { reason: "INVALID_VALUE", ...(fieldErrors ? { fieldErrors } : {}) }, { cause });
}

/** The wire shape of every error Caseboard returns. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function toErrorBody(error: AppError, requestId: string): ErrorBody {
  return { code: error.code, message: error.message, details: error.details, requestId };
}
