// Starts app instances (app-instance.ts) as separate Node processes for multi-instance tests, the
// way the worker-process tests start `jobs:work`: node with tsx as a loader (not its CLI, which
// would put a wrapper process between the test and the instance) and the react-server condition.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./app-instance.ts", import.meta.url));

export interface InstanceMessage {
  type: string;
  [field: string]: unknown;
}

export interface AppInstance {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The realtime bus it opened ("redis", "postgres"). */
  bus: string;
  /** Every IPC message it sent, in order. */
  messages: InstanceMessage[];
  /** Its stdout and stderr, for failure messages. */
  output: string[];
  /** The last lines of its output. */
  tail(lines?: number): string;
  /** Kills it (SIGKILL: nothing of its state matters to the test) and waits for the exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
/** A vitest worker that dies takes its instances with it (they also exit when their IPC channel closes). */
const killAll = () => {
  for (const child of running) child.kill("SIGKILL");
};

/** Starts an instance with the test process's env plus `env` (undefined: removed); resolves once it serves requests. */
export async function startInstance(name: string, env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<AppInstance> {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", ENTRY], {
    cwd: process.cwd(),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  if (running.size === 0) process.once("exit", killAll);
  running.add(child);
  const exited = once(child, "exit").then(() => {
    running.delete(child);
    if (running.size === 0) process.off("exit", killAll);
  });
  const output: string[] = [];
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const messages: InstanceMessage[] = [];
  child.on("message", (m: InstanceMessage) => messages.push(m));
  const tail = (lines = 20) => output.join("").trim().split("\n").slice(-lines).join("\n");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    const ready = await Promise.race([
      new Promise<InstanceMessage>((resolve) => child.on("message", (m: InstanceMessage) => m.type === "ready" && resolve(m))),
      exited.then(() => Promise.reject(new Error(`instance ${name} exited during start-up (${child.exitCode ?? child.signalCode})`))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`instance ${name} not ready after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name, pid: child.pid!, url: `http://127.0.0.1:${ready.port as number}`, bus: ready.bus as string, messages, output, tail, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${tail()}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
