// An idle pooled connection that the server drops (a restart, an administrator, a failover) is
// one short warning through the one logger. pg hangs the whole Client on that error (sockets,
// connection parameters, queues); logged as is, each dropped connection was an 8 kB error line.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/server/db/connection";
import { serializeError } from "@/server/logger";
import { captureLogLines } from "@/test/log-capture";

const testDatabaseUrl = inject("testDatabaseUrl");

let lines: string[] = [];
let restore: () => void = () => {};

beforeEach(() => {
  ({ lines, restore } = captureLogLines("warn"));
});
afterEach(() => restore());

describe("error serialisation", () => {
  it("keeps an error's facts and drops the objects pg attaches to it", () => {
    const client = { connectionParameters: { user: "app", database: "caseboard" }, queue: Array.from({ length: 500 }, (_, i) => ({ i })) };
    const error = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL", client, connection: client });
    const out = serializeError(error) as Record<string, unknown>;
    expect(out).toMatchObject({ type: "Error", message: "terminating connection due to administrator command", code: "57P01", severity: "FATAL" });
    expect(out.stack).toContain("idle-connection-error.test.ts");
    expect(out).not.toHaveProperty("client");
    expect(out).not.toHaveProperty("connection");
    // The error itself is untouched: the pool still reads its client.
    expect(error.client).toBe(client);
    expect(serializeError("not an error")).toBe("not an error");
  });
});

describe.skipIf(!testDatabaseUrl)("an idle PostgreSQL connection the server terminates", () => {
  it("is one warning of its own size, and the pool serves the next query on a new connection", async () => {
    const db = await openDatabase({ url: testDatabaseUrl!, poolSize: 1 });
    const admin = new pg.Client({ connectionString: testDatabaseUrl! });
    await admin.connect();
    try {
      const backendPid = async () => (await db.sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))[0]!.pid;
      const pid = await backendPid();
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      const deadline = Date.now() + 5_000;
      while (!lines.some((l) => l.includes("idle database connection lost")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

      const logged = lines.filter((l) => l.includes("idle database connection lost")).map((l) => JSON.parse(l) as Record<string, unknown> & { err: Record<string, unknown> });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: "warn", err: { code: "57P01" } });
      expect(logged[0]!.err).not.toHaveProperty("client");
      expect(JSON.stringify(logged[0]).length).toBeLessThan(2_000);

      expect(await backendPid()).not.toBe(pid);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
