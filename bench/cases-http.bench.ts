// cases.list over HTTP on a large tenant (1M cases by default), side by side with the same query
// called in-process through the service (withTenantDb + listCases): what HTTP, tRPC, superjson,
// the API-key check and the middleware chain add, at 1, 10 and 100 concurrent callers.
//   first page   two filters (status in open states, priority HIGH/URGENT), newest first
//   deep cursor  the same filter, 100 pages of 100 in (10,000 rows deep), by the opaque cursor
// HTTP runs through the standalone tRPC adapter on 127.0.0.1 with the app's router and context
// (no Next in the way, so the numbers are the API's own). ops/s = completed calls per second of
// wall time across all callers; p50/p99 = latency of one call.
import type { AddressInfo } from "node:net";
import { performance as nodePerformance } from "node:perf_hooks";
import { createServer } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import superjson from "superjson";
import { createTRPCContext } from "@/server/api/context";
import { appRouter, createCaller } from "@/server/api/root";
import { generateApiKey } from "@/server/auth/api-keys";
import { privilegedTransaction } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { listCases } from "@/server/services/cases/list-cases";
import { runHttpLoad } from "./lib/http-load";
import { summarize, type Stats } from "./lib/measure";
import { admitRequest, loadSheddingStats, overrideInFlightLimit } from "@/server/http/load-shedding";
import { parseServerTiming, ServerTiming } from "@/server/http/server-timing";
import type { BenchModule, BenchRow } from "./lib/types";

const FILTER = { status: ["NEW", "OPEN", "PENDING"], priority: ["HIGH", "URGENT"] } as const;
const CONCURRENCY = [1, 10, 100] as const;

/** What a well-behaved client does with a 503: counts it as shed and comes back after Retry-After. */
class Shed extends Error {
  constructor(readonly retryAfterMs: number) {
    super("503 OVERLOADED");
  }
}

interface LoadStats extends Stats {
  /** Calls answered 503 (load shed), and their share of all answers. */
  shed: number;
  shedShare: number;
  /** Over HTTP: the load client's CPU time as a share of one core, taken from the same two cores. */
  clientCpuShare?: number;
}

/** Runs `callers` loops of `fn` for `durationMs`; returns latency stats of answered calls and answers per second. */
async function load(fn: () => Promise<unknown>, callers: number, durationMs: number): Promise<LoadStats> {
  const samples: number[] = [];
  let shed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await fn();
        } catch (error) {
          if (!(error instanceof Shed)) throw error;
          shed++;
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
          continue;
        }
        samples.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { ...summarize(samples), opsPerSec: (samples.length / wallMs) * 1000, shed, shedShare: shed / Math.max(1, shed + samples.length) };
}

export const casesHttpBench: BenchModule = {
  name: "cases-http",
  title: "cases-http — cases.list over HTTP vs the same query in-process",
  optIn: true,
  async run(ctx) {
    const size = ctx.quick ? 20_000 : 1_000_000;
    // Quick runs still need seconds per row: in a 1 s window the load client's warm-up set the
    // single-caller figures.
    const durationMs = ctx.quick ? 3_000 : 5_000;
    const tenant = await ctx.syntheticTenant("bench-large", size);
    const { key, prefix, hash } = generateApiKey();
    await privilegedTransaction(ctx.db.prisma, (db) =>
      db.apiKey.create({ data: { tenantId: tenant.id, name: "bench", prefix, hash, role: "AGENT" } }),
    );
    // The per-key rate limit would otherwise be what is measured.
    const restoreLimits = overrideLimiters({ api: createLimiter({ keyPrefix: "bench", points: 1e9, durationSeconds: 60 }) });

    const trpcHandler = createHTTPHandler({
      router: appRouter,
      basePath: "/api/trpc/",
      createContext: ({ req }) =>
        createTRPCContext({
          headers: new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []))),
          timing: new ServerTiming(),
        }),
      // As the app's route handler does: each answer says where its time went.
      responseMeta: ({ ctx }) => ({ headers: ctx?.timing ? { "server-timing": ctx.timing.header() } : {} }),
    });
    // As the app's route handlers do: a place among the requests in flight first, or 503 at once.
    const server = createServer((req, res) => {
      serverTime.track(res);
      void admitRequest().then((admitted) => {
        if (!admitted.ok) {
          res.writeHead(503, { "retry-after": String(admitted.error.details?.retryAfterSeconds ?? 1), "content-type": "application/json" });
          res.end(JSON.stringify({ code: admitted.error.code, reason: admitted.error.details?.reason }));
          return;
        }
        res.on("close", () => admitted.admission.release());
        trpcHandler(req, res);
      });
    });
    // A connection the server refuses shows up at the client only as ECONNRESET: say why here.
    server.on("clientError", (err: Error, socket) => {
      ctx.log(`cases-http: the server dropped a connection: ${err.message}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/cases.list`;
    const overHttp = async (input: object) => {
      const url = `${base}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
      if (response.status === 503) {
        await response.body?.cancel();
        throw new Shed(Number(response.headers.get("retry-after") ?? "1") * 1000);
      }
      if (!response.ok) throw new Error(`cases.list answered ${response.status}: ${await response.text()}`);
      for (const [name, ms] of Object.entries(parseServerTiming(response.headers.get("server-timing")))) {
        phases.set(name, (phases.get(name) ?? 0) + ms);
      }
      phaseCount++;
      return response.json();
    };
    /** `callers` loops over HTTP from a separate process (bench/lib/http-load-client.mjs), so the callers do not share the server's event loop. */
    const loadOverHttp = async (input: object, callers: number, ms: number, at = base): Promise<LoadStats> => {
      const url = `${at}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      const result = await runHttpLoad({ url, headers: { authorization: `Bearer ${key}` }, callers, durationMs: ms });
      if (result.errors.length) throw new Error(`cases.list over HTTP failed: ${result.errors.join("; ")}`);
      for (const [name, total] of Object.entries(result.timings)) phases.set(name, (phases.get(name) ?? 0) + total);
      phaseCount += result.samples.length;
      // Per second of the client's loops (its start-up is not counted).
      return {
        ...summarize(result.samples),
        opsPerSec: (result.samples.length / ms) * 1000,
        shed: result.shed,
        shedShare: result.shed / Math.max(1, result.shed + result.samples.length),
        clientCpuShare: result.clientCpuMs / ms,
      };
    };
    // The floor any HTTP API pays on this host: a bare node:http server answering the same query in
    // its tenant transaction as plain JSON, with no authentication, tRPC, superjson or admission.
    // What it loses against in-process is HTTP itself (parsing, the socket, the client); the rest
    // of the gap to the app's HTTP row is the app's.
    const bare = createServer((req, res) => {
      serverTime.track(res);
      const input = superjson.deserialize(JSON.parse(new URL(req.url ?? "/", "http://bench").searchParams.get("input") ?? "{}")) as object;
      inProcess(input).then(
        (page) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page)),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const bareBase = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    /** Time inside the server, from the request's arrival to its last byte handed to the socket. */
    const serverTime = {
      sum: 0,
      count: 0,
      track(res: import("node:http").ServerResponse) {
        const t0 = performance.now();
        res.on("finish", () => {
          this.sum += performance.now() - t0;
          this.count++;
        });
      },
      /** Mean ms since the last call, then resets. */
      take(): number {
        const mean = this.sum / Math.max(1, this.count);
        this.sum = this.count = 0;
        return mean;
      },
    };
    /** Sums of the Server-Timing phases of the HTTP calls since the last reset. */
    const phases = new Map<string, number>();
    let phaseCount = 0;
    const phaseNote = () => {
      const mean = (name: string) => ((phases.get(name) ?? 0) / Math.max(phaseCount, 1)).toFixed(2);
      // proc includes tenant and tx; auth is the context (the API key's lookup and rate limit).
      const text = `auth ${mean("auth")} ms, tenant ${mean("tenant")} ms, transaction ${mean("tx")} ms, procedure in all ${mean("proc")} ms`;
      phases.clear();
      phaseCount = 0;
      return text;
    };
    /** Runs a load phase; also returns the milliseconds this process's event loop was busy (not idle) per answered call. */
    const busyPerCall = async <T extends Stats>(phase: () => Promise<T>): Promise<[T, number]> => {
      const before = nodePerformance.eventLoopUtilization();
      const stats = await phase();
      const { active } = nodePerformance.eventLoopUtilization(before);
      return [stats, active / Math.max(1, stats.samples)];
    };
    const inProcess = (input: object) =>
      withTenantDb(tenant.id, (db) => listCases(db, { userId: null, canReadPii: true }, { sort: "created", tab: "all", limit: 25, ...input } as never));

    // The same call through tRPC's procedure chain with no HTTP (API-key check, rate limit, tenant
    // decision, input and output validation), then with the answer serialised as the wire carries
    // it: with the direct call and HTTP, the layers one caller's time is spent in.
    const throughCaller = async (input: object) =>
      createCaller(await createTRPCContext({ headers: new Headers({ authorization: `Bearer ${key}` }) })).cases.list(input as never);
    const throughCallerSerialised = async (input: object) => superjson.stringify(await throughCaller(input));

    try {
      // A cursor 10,000 rows deep, reached the way a client would.
      let cursor: string | null = null;
      for (let page = 0; page < 100; page++) {
        const result = (await overHttp({ ...FILTER, limit: 100, cursor })) as { result: { data: { json: { nextCursor: string | null } } } };
        cursor = result.result.data.json.nextCursor;
        if (!cursor) break;
      }
      const scenarios = [
        { name: "first page", input: { ...FILTER, limit: 25 } },
        { name: "deep cursor", input: { ...FILTER, limit: 25, cursor } },
      ];
      const rows: BenchRow[] = [];
      const notes: string[] = [];
      /** HTTP p50 of one caller per scenario: the yardstick for p99 under load. */
      const singleP50 = new Map<string, number>();
      for (const scenario of scenarios) {
        for (const callers of CONCURRENCY) {
          ctx.log(`cases-http: ${scenario.name}, ${callers} caller(s)`);
          await load(() => inProcess(scenario.input), Math.min(callers, 4), 300); // warm-up
          const [direct, directBusy] = await busyPerCall(() => load(() => inProcess(scenario.input), callers, durationMs));
          phaseNote();
          serverTime.take();
          const [http, httpBusy] = await busyPerCall(() => loadOverHttp(scenario.input, callers, durationMs));
          const where = phaseNote();
          const httpServerMs = serverTime.take();
          const [floor, floorBusy] = await busyPerCall(() => loadOverHttp(scenario.input, callers, durationMs, bareBase));
          const floorServerMs = serverTime.take();
          if (callers === 1) singleP50.set(scenario.name, http.p50);
          rows.push({ label: `${scenario.name} · in-process · ${callers}`, baseline: scenario.name === "first page" && callers === 1, stats: direct });
          if (callers === 1) {
            const chain = await load(() => throughCaller(scenario.input), 1, durationMs);
            const serialised = await load(() => throughCallerSerialised(scenario.input), 1, durationMs);
            phaseNote();
            rows.push({ label: `${scenario.name} · tRPC caller · 1`, stats: chain });
            rows.push({ label: `${scenario.name} · tRPC caller + superjson · 1`, stats: serialised });
            const ms = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(2)} ms`;
            notes.push(
              `${scenario.name}, 1 caller, where the time goes (p50): the query in its tenant transaction ${direct.p50.toFixed(2)} ms; ` +
                `tRPC's procedure chain ${ms(chain.p50 - direct.p50)}; superjson ${ms(serialised.p50 - chain.p50)}; HTTP (server and client) ${ms(http.p50 - serialised.p50)}`,
            );
          }
          rows.push({ label: `${scenario.name} · HTTP · ${callers}`, stats: http });
          rows.push({ label: `${scenario.name} · bare node:http floor · ${callers}`, stats: floor });
          if (callers === 100) {
            // The default admits as many requests as the pool has connections; twice as many was
            // the old default: the same requests/s, but admitted requests queue for a connection.
            const limit = loadSheddingStats().limit;
            const restore = overrideInFlightLimit(2 * limit);
            const wider = await loadOverHttp(scenario.input, callers, durationMs).finally(restore);
            phaseNote();
            rows.push({ label: `${scenario.name} · HTTP · 100 · ${2 * limit} in flight`, stats: wider });
            notes.push(
              `${scenario.name}, 100 callers with ${2 * limit} in flight instead of ${limit}: p99 ${(wider.p99 / singleP50.get(scenario.name)!).toFixed(1)}× ` +
                `the single caller's p50 (${(http.p99 / singleP50.get(scenario.name)!).toFixed(1)}× with ${limit}), ${(wider.opsPerSec / direct.opsPerSec).toFixed(2)}× the in-process requests/s, shed ${wider.shed} of ${wider.shed + wider.samples}`,
            );
          }
          if (callers > 1) {
            // Once the event loop is saturated, requests/s is 1 / (its busy time per call): whatever
            // HTTP adds to that time caps the ratio, however the callers are admitted.
            notes.push(
              `${scenario.name}, ${callers} callers, the server's event loop busy per answered call: in-process ${directBusy.toFixed(2)} ms, ` +
                `the app over HTTP ${httpBusy.toFixed(2)} ms, the bare node:http floor ${floorBusy.toFixed(2)} ms; so with the loop saturated HTTP can reach at most ` +
                `${(directBusy / httpBusy).toFixed(2)}× the in-process requests/s (the floor ${(directBusy / floorBusy).toFixed(2)}×)`,
            );
          }
          notes.push(
            `${scenario.name}, ${callers} caller(s): HTTP p50 ${(http.p50 / direct.p50).toFixed(2)}× in-process, ` +
              `${(http.opsPerSec / direct.opsPerSec).toFixed(2)}× its requests/s; shed (503, retried after Retry-After) ` +
              `${http.shed} of ${http.shed + http.samples}; the bare node:http floor ${(floor.opsPerSec / direct.opsPerSec).toFixed(2)}× its requests/s (p50 ${floor.p50.toFixed(2)} ms); the load client used ${(http.clientCpuShare! * 100).toFixed(0)} % of a core; ` +
              `inside the server (arrival to last byte written, mean) ${httpServerMs.toFixed(2)} ms, the floor's ${floorServerMs.toFixed(2)} ms; p99 ${(http.p99 / singleP50.get(scenario.name)!).toFixed(1)}× the single caller's p50; per HTTP call (Server-Timing means): ${where}`,
          );
        }
      }
      return {
        subtitle: `tenant of ${size.toLocaleString("en-US")} cases; ops/s = requests per second across all callers; HTTP admits ${loadSheddingStats().limit} requests in flight (the pool's connections by default), the rest get 503 + Retry-After`,
        rows,
        notes,
      };
    } finally {
      restoreLimits();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  },
};
