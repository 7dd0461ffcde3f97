// Real job worker processes (`scripts/jobs-work.ts`) for fault tests: started as an operator
// would start them, killed or stopped by signal, and their output kept to explain a failure.
// PostgreSQL only: the embedded database lives inside the test process, so no second process can
// reach it.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";

export interface Worker {
  child: ChildProcess;
  pid: number;
  output: string[];
  exited: Promise<number | null>;
}

export interface WorkerOptions {
  types: string;
  leaseMs: number;
  graceMs: number;
  concurrency?: number;
  env?: Record<string, string>;
}

/** A set of workers for one test file: started once (a worker takes 10-20 s to load under tsx), killed at its end. */
export function workerPool(databaseUrl: string | null | undefined) {
  const workers: Worker[] = [];
  const alive = () => workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);

  function start(options: WorkerOptions): Worker {
    const child = spawn(
      process.execPath,
      [
        // tsx as a loader, not its CLI: the CLI runs the script in a child process of its own, so
        // a signal (SIGKILL above all) would reach the wrapper and not the worker.
        "--import",
        "tsx",
        "--conditions=react-server",
        "scripts/jobs-work.ts",
        "--types",
        options.types,
        "--concurrency",
        String(options.concurrency ?? 1),
        "--poll-ms",
        "100",
        "--lease-ms",
        String(options.leaseMs),
        "--grace-ms",
        String(options.graceMs),
      ],
      {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: databaseUrl!, LOG_LEVEL: "info", JOBS_IN_PROCESS: "false", ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const output: string[] = [];
    child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    const exited = once(child, "exit").then(([code]) => code as number | null);
    const worker = { child, pid: child.pid!, output, exited };
    workers.push(worker);
    return worker;
  }

  async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > until) {
        const tails = workers.map((w) => `worker ${w.pid}:\n${w.output.join("").trim().split("\n").slice(-4).join("\n")}`);
        throw new Error(`timed out waiting for ${what}\n${tails.join("\n")}`);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Starts `count` workers and waits until each says it is ready. */
  async function startAll(count: number, options: WorkerOptions): Promise<void> {
    for (let i = 0; i < count; i++) start(options);
    await waitFor("the workers to start", async () => workers.every((w) => /job worker started/.test(w.output.join(""))), 100_000, 200);
  }

  async function stopAll(): Promise<void> {
    for (const w of alive()) {
      w.child.kill("SIGKILL");
      await w.exited;
    }
  }

  const byPid = (pid: number | null) => workers.find((w) => w.pid === pid);
  return { workers, alive, start, startAll, stopAll, waitFor, byPid };
}

export const readJobRow = (id: string) =>
  withPrivilegedDb("test check", (db) =>
    db.job.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, lockedBy: true, errorHistory: true } }),
  );

/** The worker holding the job: runner ids are host:pid:label:random. */
export const holderPid = (lockedBy: string | null) => (lockedBy ? Number(lockedBy.split(":")[1]) : null);

export const expectNoUnhandled = (w: Worker) => expect(w.output.join("")).not.toMatch(/unhandled rejection|uncaught exception|ERR_STREAM_DESTROYED/);
