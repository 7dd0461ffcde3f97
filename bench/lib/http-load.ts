// Runs bench/lib/http-load-client.mjs in its own process and returns what it measured.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const HTTP_LOAD_CLIENT = fileURLToPath(new URL("./http-load-client.mjs", import.meta.url));

export interface HttpLoadResult {
  /** ms of each answered call. */
  samples: number[];
  /** Calls answered 503 (each retried after Retry-After). */
  shed: number;
  /** The first few other failures. */
  errors: string[];
  /** Server-Timing totals of the answered calls, by phase. */
  timings: Record<string, number>;
  /** CPU time the client process spent. */
  clientCpuMs: number;
}

/** `callers` loops of GET `url` for `durationMs`, from a separate process so they do not share the measured server's event loop. */
export async function runHttpLoad(options: { url: string; headers: Record<string, string>; callers: number; durationMs: number }): Promise<HttpLoadResult> {
  const child = spawn(process.execPath, [HTTP_LOAD_CLIENT, JSON.stringify(options)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the HTTP load client exited with ${code}`);
  return JSON.parse(out) as HttpLoadResult;
}
