// Data exceptions (SQLSTATE class 22) from the real database, as the driver adapter of this run
// (PGlite, or pg with DATABASE_URL) surfaces them, are the caller's bad value: 400, not 500.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { rejectionOf } from "@/test/errors";
import { createTestTenant } from "@/test/factories";
import { DatabaseOverloadedError, TransactionTimeoutError, isConnectionError } from "./connection-error";
import { isExpected, toAppError } from "./to-app-error";
import { sqlStateOf } from "./sql-state";

const failing = (fn: (db: PrivilegedDb) => Promise<unknown>) => rejectionOf(withPrivilegedDb("test: data exception", fn));

describe("database data exceptions", () => {
  it.each([
    ["NUL in text (22021)", "22021", (db: PrivilegedDb) => db.$queryRaw`SELECT ${"a\u0000b"}::text AS x`],
    ["not a timestamp (22007)", "22007", (db: PrivilegedDb) => db.$queryRaw`SELECT ${"garbage"}::timestamptz AS x`],
    ["not an enum label (22P02)", "22P02", (db: PrivilegedDb) => db.$queryRaw`SELECT ${"SUPER"}::"CasePriority" AS x`],
    ["integer out of range (22003)", "22003", (db: PrivilegedDb) => db.$queryRaw`SELECT ${"99999999999"}::int AS x`],
  ] as const)("%s is BAD_REQUEST", async (_, sqlState, query) => {
    const error = await failing(query);
    expect(sqlStateOf(error.cause)?.code).toBe(sqlState);
    expect({ code: error.code, status: error.httpStatus, reason: error.details?.reason }).toEqual({ code: "BAD_REQUEST", status: 400, reason: "INVALID_VALUE" });
  });

  it("through the query builder too: a year-0 date, text with NUL, JSON with a lone surrogate", async () => {
    const tenant = await createTestTenant("data-ex");
    for (const query of [
      (db: PrivilegedDb) => db.case.findMany({ where: { tenantId: tenant.id, createdAt: new Date("0000-01-01T00:00:00Z") } }),
      (db: PrivilegedDb) => db.case.findMany({ where: { tenantId: tenant.id, title: "a\u0000b" } }),
      (db: PrivilegedDb) => db.auditEvent.findMany({ where: { tenantId: tenant.id, diff: { equals: { name: "\uD800" } } } }),
    ]) {
      expect((await failing(query)).code).toBe("BAD_REQUEST");
    }
  });
});

describe("sqlStateOf", () => {
  it("reads a driver's own error and names the field when Postgres named the column", () => {
    const driverError = Object.assign(new Error("value too long"), { code: "22001", severity: "ERROR", column: "business_unit" });
    expect(sqlStateOf(driverError)).toEqual({ code: "22001", column: "business_unit" });
    expect(toAppError(driverError).details).toEqual({ reason: "INVALID_VALUE", fieldErrors: { businessUnit: ["This value cannot be stored"] } });
    expect(toAppError(new Error("x", { cause: driverError })).code).toBe("BAD_REQUEST");
  });

  it("leaves other database errors (and Prisma's own P-codes) alone", () => {
    expect(toAppError(Object.assign(new Error("deadlock"), { code: "40P01", severity: "ERROR" })).code).toBe("INTERNAL_SERVER_ERROR");
    expect(sqlStateOf(Object.assign(new Error("p"), { code: "P2010" }))).toBeNull();
  });
});

describe("connection failures", () => {
  const sock = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });
  const pgError = (code: string) => Object.assign(new Error("terminating connection"), { code, severity: "FATAL" });
  const adapter = (cause: Record<string, unknown>) => Object.assign(new Error("adapter"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
  it.each([
    ["ECONNREFUSED", sock("ECONNREFUSED")],
    ["ETIMEDOUT", sock("ETIMEDOUT")],
    ["ECONNRESET inside a cause", new Error("query failed", { cause: sock("ECONNRESET") })],
    ["pg pool timeout", new Error("timeout exceeded when trying to connect")],
    ["connection terminated", new Error("Connection terminated unexpectedly")],
    ["Prisma P1001", Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" })],
    ["Prisma P2024 (pool timeout)", Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { code: "P2024" })],
    ["Prisma: no transaction in the given time", Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" })],
    ["adapter DatabaseNotReachable", adapter({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    ["adapter ConnectionClosed", adapter({ kind: "ConnectionClosed" })],
    ["adapter SocketTimeout", adapter({ kind: "SocketTimeout" })],
    ["Postgres 57P01 admin shutdown (adapter)", adapter({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["Postgres 57P03 cannot connect now", pgError("57P03")],
    ["Postgres 08006 connection failure", pgError("08006")],
    ["Postgres 08001 via originalCode", adapter({ originalCode: "08001", kind: "postgres" })],
  ])("%s is SERVICE_UNAVAILABLE (503) with Retry-After", (_, error) => {
    const appError = toAppError(error);
    expect({ code: appError.code, status: appError.httpStatus, message: appError.message }).toEqual({
      code: "SERVICE_UNAVAILABLE",
      status: 503,
      message: expect.not.stringMatching(/ECONN|127\.0\.0\.1/),
    });
    expect(appError.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("through a tRPC error that wraps it", () => {
    expect(toAppError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: sock("ECONNREFUSED") })).code).toBe("SERVICE_UNAVAILABLE");
  });

  it("leaves other errors alone", () => {
    expect(toAppError(pgError("40P01")).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toAppError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("overload and timeouts", () => {
  const adapter = (cause: Record<string, unknown>) => Object.assign(new Error("adapter"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
  const status = (error: unknown) => {
    const appError = toAppError(error);
    return { code: appError.code, status: appError.httpStatus, reason: appError.details?.reason, retryAfterSeconds: appError.details?.retryAfterSeconds };
  };

  it.each([
    ["the gate's own error", new DatabaseOverloadedError("queue full", "40 callers already waiting")],
    ["inside a cause", new Error("query failed", { cause: new DatabaseOverloadedError("wait timed out", "no connection within 1000 ms") })],
    ["as a message only (what a driver adapter may pass on)", new Error("database overloaded: wait timed out (no connection within 1000 ms)")],
    ["through a tRPC error", new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new DatabaseOverloadedError("queue full", "x") })],
  ])("overload (%s) is 503 OVERLOADED with Retry-After: 1, and expected (not logged as an error)", (_, error) => {
    expect(status(error)).toEqual({ code: "SERVICE_UNAVAILABLE", status: 503, reason: "OVERLOADED", retryAfterSeconds: 1 });
    expect(isExpected(toAppError(error))).toBe(true);
    expect(isConnectionError(error)).toBe(false);
  });

  it.each([
    ["Postgres 57014 from pg", Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014", severity: "ERROR" })],
    ["57014 through the driver adapter", adapter({ kind: "postgres", code: "57014", originalCode: "57014" })],
    ["the transaction past its budget", new TransactionTimeoutError(300)],
    ["that inside a tRPC error", new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new TransactionTimeoutError(300) })],
    ["Prisma's expired interactive transaction", Object.assign(new Error("Transaction already closed: A query cannot be executed on an expired transaction."), { code: "P2028" })],
  ])("%s is 503 DATABASE_TIMEOUT with Retry-After, logged as an error", (_, error) => {
    expect(status(error)).toEqual({ code: "SERVICE_UNAVAILABLE", status: 503, reason: "DATABASE_TIMEOUT", retryAfterSeconds: 5 });
    expect(isExpected(toAppError(error))).toBe(false);
  });

  it("leaves a closed (not expired) Prisma transaction and other cancellations' neighbours alone", () => {
    expect(toAppError(Object.assign(new Error("Transaction already closed: A commit cannot be executed on a committed transaction"), { code: "P2028" })).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toAppError(Object.assign(new Error("lock timeout"), { code: "55P03", severity: "ERROR" })).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("an unreachable database keeps its own reason", () => {
    expect(status(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toEqual({ code: "SERVICE_UNAVAILABLE", status: 503, reason: "DATABASE_UNAVAILABLE", retryAfterSeconds: 5 });
  });
});
