// A Next.js server started by a benchmark (web and admission: `next build`, `next start`; dev-start: `next dev`): its own
// build folder and embedded data directory, never the developer's; stopped with its whole
// process group (npx → next → its workers).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** `next build` into `distDir` (the benches' own folder, never the developer's `.next`). */
export function buildNext(distDir: string): void {
  const build = spawnSync("npx", ["next", "build"], { cwd: process.cwd(), stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build exited with ${build.status}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function spawnNext(
  command: "dev" | "start",
  options: { port: number; distDir: string; dataDir: string; stdout: "pipe" | "ignore"; env: Record<string, string> },
): ChildProcess {
  return spawn("npx", ["next", command, "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", options.stdout, command === "start" ? "inherit" : "ignore"],
    env: {
      ...process.env,
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DATA_DIR: options.dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      ...options.env,
    },
  });
}

export async function stopNext(server: ChildProcess): Promise<void> {
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1_500));
}
