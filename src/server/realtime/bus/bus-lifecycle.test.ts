// getBus() picks the backend from configuration, and closeBus() (with closeRedis(), as a graceful
// shutdown does) leaves nothing open: each case runs in a child process with a controlled
// environment that must end by itself, without process.exit, soon after it closed the bus, also
// when the server was out of reach and the bus was still retrying. Cases whose server the run does
// not have are skipped; the out-of-reach cases run everywhere.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { closedPort } from "@/test/tcp-proxy";

const INDEX = pathToFileURL(join(process.cwd(), "src", "server", "realtime", "bus", "index.ts")).href;
const REDIS = pathToFileURL(join(process.cwd(), "src", "server", "redis.ts")).href;

const SCRIPT = `
const { getBus, closeBus } = await import(${JSON.stringify(INDEX)});
const { closeRedis } = await import(${JSON.stringify(REDIS)});
const bus = getBus();
const reachable = process.env.EXPECT_DOWN !== "1";
const out = { kind: bus.kind, same: getBus() === bus };
const listening = new Promise((resolve) => bus.onReconnect(resolve));
const received = new Promise((resolve) => bus.subscribe(resolve));
if (bus.kind !== "memory" && reachable) await listening;
const message = { type: "log", tenantId: "lifecycle-" + process.pid, seq: 1 };
out.published = await bus.publish(message);
if (out.published) {
  let timer;
  out.received = await Promise.race([received, new Promise((r) => (timer = setTimeout(() => r("nothing"), 5000)))]);
  clearTimeout(timer);
}
// Down: give the listening side time to fail and schedule its next attempt.
if (!reachable) await new Promise((r) => setTimeout(r, 700));
const closing = performance.now();
await closeBus();
out.closeMs = performance.now() - closing;
await closeRedis();
process.stdout.write(JSON.stringify(out) + "\\n");
`;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: { kind: string; same: boolean; published: boolean; received?: unknown; closeMs: number } | null;
  stderr: string;
  /** Between the script's last line and the process's end. */
  exitMs: number | null;
}

function runCase(vars: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", SCRIPT], {
      cwd: process.cwd(),
      // Only what the case names (NODE_ENV stays unset, which Next's types do not allow for).
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", APP_ENV: "test", LOG_LEVEL: "silent", ...vars } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    let printedAt: number | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.endsWith("\n")) printedAt ??= performance.now();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Generous for compiling on a loaded machine; a process held open by a handle never ends.
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      let out: Outcome["out"] = null;
      try {
        out = JSON.parse(stdout) as Outcome["out"];
      } catch {
        // reported through `out: null` and stderr
      }
      resolve({ code, signal, out, stderr, exitMs: printedAt === null ? null : performance.now() - printedAt });
    });
  });
}

const databaseUrl = inject("testDatabaseUrl");
const redisUrl = process.env.REDIS_URL;

describe("getBus and closeBus", () => {
  it("choose the backend from configuration, deliver through it, and close leaving no handle open", async () => {
    const downPort = await closedPort();
    const cases: Record<string, Record<string, string> | null> = {
      memory: {},
      postgres: databaseUrl ? { DATABASE_URL: databaseUrl } : null,
      redis: redisUrl ? { REDIS_URL: redisUrl, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } : null,
      postgresDown: { DATABASE_URL: `postgresql://postgres@127.0.0.1:${downPort}/postgres`, EXPECT_DOWN: "1" },
      redisDown: { REDIS_URL: `redis://127.0.0.1:${downPort}`, EXPECT_DOWN: "1" },
    };
    const names = Object.keys(cases).filter((name) => cases[name]);
    const outcomes = await Promise.all(names.map((name) => runCase(cases[name]!)));
    const byName = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));

    for (const [name, outcome] of Object.entries(byName)) {
      const context = `${name}: ${outcome.stderr}`;
      expect(outcome.out, context).not.toBeNull();
      // Ended by itself, promptly: nothing from the bus kept the event loop alive.
      expect(outcome.signal, context).toBeNull();
      expect(outcome.code, context).toBe(0);
      expect(outcome.exitMs, context).toBeLessThan(3_000);
      expect(outcome.out!.same, context).toBe(true);
      // Closing the bus waits for no server, up or down.
      expect(outcome.out!.closeMs, context).toBeLessThan(500);
    }
    const expectDelivered = (name: string, kind: string) => {
      const out = byName[name]?.out;
      if (!out) return;
      expect(out.kind).toBe(kind);
      expect(out.published).toBe(true);
      expect(out.received).toMatchObject({ type: "log", seq: 1, tenantId: expect.stringMatching(/^lifecycle-\d+$/) });
    };
    expectDelivered("memory", "memory");
    expectDelivered("postgres", "postgres");
    expectDelivered("redis", "redis");
    expect(byName.postgresDown!.out).toMatchObject({ kind: "postgres", published: false });
    expect(byName.redisDown!.out).toMatchObject({ kind: "redis", published: false });
  }, 90_000);
});
