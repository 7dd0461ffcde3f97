// The one mapping from anything thrown to an AppError. Every surface (tRPC, REST, server actions,
// route handlers) answers with the result, so clients see one error shape everywhere.
import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { Prisma } from "@/server/db/generated/client";
import { AppError, type AppErrorCode, type FieldErrors } from "./app-error";
import { isClientAbort, isConnectionError, isDatabaseTimeout, isOverloadedError } from "./connection-error";
import { isDataException, sqlStateOf } from "./sql-state";

const TRPC_TO_APP: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "BAD_REQUEST",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
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

/**
 * True for errors the caller caused, and for load shedding (OVERLOADED: the server doing what it
 * should under too much load; a stack trace per refused request would only add to the load).
 * False for bugs and outages, which are logged as errors.
 */
export function isExpected(error: AppError): boolean {
  return error.httpStatus < 500 || error.details?.reason === "OVERLOADED";
}

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
/** …when the database is busy (admission control): the queue moves in milliseconds. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

export type UnavailableReason = "DATABASE_UNAVAILABLE" | "OVERLOADED" | "DATABASE_TIMEOUT";

const UNAVAILABLE: Record<UnavailableReason, { message: string; retryAfterSeconds: number }> = {
  DATABASE_UNAVAILABLE: { message: "The service is temporarily unavailable; try again shortly", retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
  OVERLOADED: { message: "The service is busy; try again shortly", retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS },
  DATABASE_TIMEOUT: { message: "The request took too long and was stopped; try again shortly", retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
};

/**
 * The database cannot serve this request now: out of reach, overloaded, or a statement ran past
 * its time. 503 with Retry-After, never a 500; the reason tells them apart.
 */
export function serviceUnavailable(cause?: unknown, reason: UnavailableReason = "DATABASE_UNAVAILABLE"): AppError {
  const { message, retryAfterSeconds } = UNAVAILABLE[reason];
  return new AppError("SERVICE_UNAVAILABLE", message, { reason, retryAfterSeconds }, { cause });
}

/** The message of the TRPCError tRPC throws when a procedure's output fails its schema. */
const OUTPUT_VALIDATION_FAILED = "Output validation failed";

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof TRPCError) {
    // tRPC's output check: the procedure's answer broke its own schema. That is the server's fault,
    // not a 400 whose field errors would describe the answer's internals to the caller.
    if (error.code === "INTERNAL_SERVER_ERROR" && error.message === OUTPUT_VALIDATION_FAILED) {
      return new AppError("INTERNAL_SERVER_ERROR", "Internal error", undefined, { cause: error });
    }
    if (error.cause && error.cause !== error) {
      const inner = error.cause instanceof TRPCError ? undefined : toAppError(error.cause);
      if (inner && (inner.code !== "INTERNAL_SERVER_ERROR" || error.code === "INTERNAL_SERVER_ERROR")) return inner;
    }
    const code = TRPC_TO_APP[error.code] ?? "INTERNAL_SERVER_ERROR";
    return new AppError(code, code === "INTERNAL_SERVER_ERROR" ? "Internal error" : error.message, undefined, { cause: error });
  }
  if (isClientAbort(error)) return new AppError("BAD_REQUEST", "The client closed the request before it was read", { reason: "CLIENT_CLOSED_REQUEST" }, { cause: error });
  // Overload first: its error may travel wrapped in what also reads as a connection failure.
  if (isOverloadedError(error)) return serviceUnavailable(error, "OVERLOADED");
  if (isConnectionError(error)) return serviceUnavailable(error);
  if (isDatabaseTimeout(error)) return serviceUnavailable(error, "DATABASE_TIMEOUT");
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
