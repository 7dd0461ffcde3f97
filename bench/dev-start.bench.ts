// The first `npm run dev` on a fresh clone, to readiness: `next dev` on a fresh build folder
// (.next-bench-start) and a fresh embedded data directory, restored from the demo template as a
// developer's first start is (npm ci builds the template; without one the first run builds it and
// says so). Each round times two moments of the same start: Next's own "Ready" line (the
// framework's floor, the baseline) and the first 200 of /api/health/ready (migrated, seeded,
// serving). The target for the second is 8 s on this machine.
//   npm run bench -- --only dev-start
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { summarize } from "./lib/measure";
import type { BenchModule } from "./lib/types";
import { freePort, spawnNext, stopNext } from "./lib/next-process";

const DIST_DIR = ".next-bench-start";
const TARGET_MS = 8_000;

interface StartTimes {
  nextReadyMs: number;
  healthyMs: number;
}

async function timeOneStart(): Promise<StartTimes> {
  const root = process.cwd();
  rmSync(path.join(root, DIST_DIR), { recursive: true, force: true });
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "caseboard-dev-start-")), "pglite");
  const port = await freePort();
  const started = performance.now();
  let nextReadyMs = Number.NaN;
  const server = spawnNext("dev", { port, distDir: DIST_DIR, dataDir, stdout: "pipe", env: { APP_ENV: "development", NODE_ENV: "development", LOG_LEVEL: "warn" } });
  server.stdout!.on("data", (chunk: Buffer) => {
    if (Number.isNaN(nextReadyMs) && /Ready in/.test(chunk.toString())) nextReadyMs = performance.now() - started;
  });
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`next dev exited with ${server.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.ok, () => false);
      if (ok) return { nextReadyMs, healthyMs: performance.now() - started };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("/api/health/ready not ready after 120 s");
  } finally {
    await stopNext(server);
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    rmSync(path.join(root, DIST_DIR), { recursive: true, force: true });
  }
}

export const devStartBench: BenchModule = {
  name: "dev-start",
  title: "dev-start — a fresh clone's first `npm run dev`, to readiness",
  optIn: true,
  async run(ctx) {
    const rounds = ctx.quick ? 1 : 5;
    const starts: StartTimes[] = [];
    for (let round = 0; round < rounds; round++) {
      ctx.log(`dev-start: round ${round + 1} of ${rounds}`);
      starts.push(await timeOneStart());
    }
    const healthy = summarize(starts.map((s) => s.healthyMs));
    return {
      subtitle: `next dev, fresh ${DIST_DIR} and data directory per round, ${rounds} rounds`,
      rows: [
        { label: "Next's own start (its \"Ready\" line)", baseline: true, stats: summarize(starts.map((s) => s.nextReadyMs)) },
        { label: "first 200 of /api/health/ready", stats: healthy },
      ],
      notes: [
        `to readiness: p50 ${(healthy.p50 / 1000).toFixed(2)} s (target ${TARGET_MS / 1000} s: ${healthy.p50 <= TARGET_MS ? "met" : "NOT met"}); ` +
          `each round: ${starts.map((s) => (s.healthyMs / 1000).toFixed(2)).join(", ")} s`,
      ],
    };
  },
};
