// A real client hanging up mid-body, read the way a route handler reads it (a web stream over
// Node's request): the error it gets is the caller's doing (400, expected), not the database
// gone (503) and not a fault (500).
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isClientAbort, isConnectionError } from "./connection-error";
import { isExpected, toAppError } from "./to-app-error";

let received: Promise<unknown>;
let failRead: (error: unknown) => void;
const server = createServer((req: IncomingMessage) => {
  // As Next hands the body to a route handler: a web ReadableStream over the Node request.
  const body = new Response(Readable.toWeb(req) as ReadableStream, { headers: { "content-type": "application/json" } });
  body.text().then(() => failRead(new Error("the body was read in full")), failRead);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function hangUpMidBody(): Promise<unknown> {
  received = new Promise((resolve) => (failRead = resolve));
  const { port } = server.address() as AddressInfo;
  const req = request({ port, host: "127.0.0.1", method: "POST", path: "/api/trpc/realtime.presence", headers: { "content-length": "1000" } });
  req.on("error", () => {});
  req.write('{"caseId":');
  await new Promise((resolve) => setTimeout(resolve, 50));
  req.destroy();
  return received;
}

describe("a client that closes the request mid-body", () => {
  it("is told apart from a lost database connection and logged as expected", async () => {
    const error = await hangUpMidBody();
    expect(isClientAbort(error)).toBe(true);
    expect(isConnectionError(error)).toBe(false);
    const appError = toAppError(error);
    expect({ code: appError.code, reason: appError.details?.reason, expected: isExpected(appError) }).toEqual({
      code: "BAD_REQUEST",
      reason: "CLIENT_CLOSED_REQUEST",
      expected: true,
    });
  });

  it("leaves a database socket's ECONNRESET a connection failure", () => {
    const dbReset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
    expect(isClientAbort(dbReset)).toBe(false);
    expect(toAppError(dbReset).code).toBe("SERVICE_UNAVAILABLE");
  });
});
