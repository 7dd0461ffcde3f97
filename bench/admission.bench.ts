// Admission control as a client meets it: the production build (`next start`, its own database
// on the PostgreSQL of DATABASE_URL, Redis if REDIS_URL is set, the demo tenant seeded) answering
// REST `GET /api/v1/cases?limit=25` with the demo API key, restarted once per admission setting:
// the default, the former default (as many in flight as the pool has connections, no line) and
// 2 in flight with no line. Per setting: one caller, 3 steady callers (a small burst: a line should
// keep them from 503s) and 100 callers that come back after Retry-After; rows are answered calls.
// The yardstick is p99 at 100 callers against one caller's p50 (≤ 10×).
//   DATABASE_URL=postgresql://… npm run bench -- --only admission --db postgres   (builds first)
//   ADMISSION_BENCH_SKIP_BUILD=1 …   (reuses .next-web, the web bench's build)
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/env";
import { DEMO_TENANTS } from "@/server/services/seed/demo-data";
import { runHttpLoad, type HttpLoadResult } from "./lib/http-load";
import { summarize } from "./lib/measure";
import { buildNext, freePort, spawnNext, stopNext } from "./lib/next-process";
import type { BenchModule, BenchRow } from "./lib/types";

const DIST_DIR = ".next-web";

const SETTINGS = [
  { name: "default", env: {} },
  { name: "10 in flight, no line (former default)", env: { MAX_IN_FLIGHT_REQUESTS: "10", MAX_QUEUED_REQUESTS: "0" } },
  { name: "2 in flight, no line", env: { MAX_IN_FLIGHT_REQUESTS: "2", MAX_QUEUED_REQUESTS: "0" } },
] as const;

async function waitReady(base: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start was not ready within ${timeoutMs} ms`);
}

async function admin(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const admissionBench: BenchModule = {
  name: "admission",
  title: "admission — REST under load on the production build, by admission setting",
  optIn: true,
  async run(ctx) {
    if (ctx.kind !== "postgres" || !env.DATABASE_URL) {
      return { rows: [], notes: ["needs PostgreSQL (--db postgres with DATABASE_URL): the in-flight default that is measured applies to it"] };
    }
    if (process.env.ADMISSION_BENCH_SKIP_BUILD !== "1") {
      ctx.log("admission: next build (a few minutes)");
      buildNext(DIST_DIR);
    }
    const name = `caseboard_admission_${Date.now()}`;
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    await admin(env.DATABASE_URL, `CREATE DATABASE ${name}`);
    const dataDir = mkdtempSync(path.join(tmpdir(), "caseboard-admission-bench-"));
    const [single, small, many] = ctx.quick ? [3_000, 5_000, 10_000] : [5_000, 8_000, 20_000];
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    try {
      for (const setting of SETTINGS) {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        ctx.log(`admission: ${setting.name}`);
        const server = spawnNext("start", {
          port,
          distDir: DIST_DIR,
          dataDir,
          stdout: "ignore",
          env: {
            DATABASE_URL: url.toString(),
            REDIS_URL: env.REDIS_URL ?? "",
            SEED_DEMO: "true",
            NEXTAUTH_URL: base,
            LOG_LEVEL: "warn",
            // The per-key limit would otherwise be what is measured.
            RATE_LIMIT_PER_MINUTE: "1000000",
            ...setting.env,
          },
        });
        try {
          await waitReady(base, server, 180_000);
          const load = (callers: number, durationMs: number): Promise<HttpLoadResult> =>
            runHttpLoad({ url: `${base}/api/v1/cases?limit=25`, headers: { authorization: `Bearer ${DEMO_TENANTS[0].apiKey}` }, callers, durationMs });
          await load(1, 2_000); // warm-up
          const results = [
            { callers: 1, result: await load(1, single), ms: single },
            { callers: 3, result: await load(3, small), ms: small },
            { callers: 100, result: await load(100, many), ms: many },
          ];
          for (const { callers, result, ms } of results) {
            if (result.errors.length) throw new Error(`${setting.name}, ${callers} callers: ${result.errors.join("; ")}`);
            const stats = { ...summarize(result.samples), opsPerSec: (result.samples.length / ms) * 1000 };
            rows.push({ label: `${setting.name} · ${callers}`, baseline: setting.name === "default" && callers === 1, stats });
          }
          const [one, three, hundred] = results.map((r) => summarize(r.result.samples));
          notes.push(
            `${setting.name}: 100 callers p99 ${(hundred!.p99 / one!.p50).toFixed(1)}× one caller's p50 (target ≤ 10×), ` +
              `503s ${results[2]!.result.shed} against ${results[2]!.result.samples.length} answers; 3 callers: ${results[1]!.result.shed} 503s in ${results[1]!.result.samples.length + results[1]!.result.shed} calls, p99 ${three!.p99.toFixed(0)} ms`,
          );
        } finally {
          await stopNext(server);
        }
      }
      return {
        subtitle: `production build in ${DIST_DIR}, next start on ${ctx.label.split(" (")[0]}${env.REDIS_URL ? " and Redis" : ""}, REST GET /api/v1/cases?limit=25 with the demo key; ${ctx.quick ? "quick" : "full"} runs of ${single / 1000}/${small / 1000}/${many / 1000} s`,
        rows,
        notes,
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await admin(env.DATABASE_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  },
};
