// `npm run bench` runs the registered benchmarks on a fresh embedded database, and on a fresh
// temporary PostgreSQL database too when DATABASE_URL is set, and prints one table per benchmark
// and database with ratios against each benchmark's baseline.
//   npm run bench -- --only tenancy           run some benchmarks (comma-separated names; also opt-in ones)
//   npm run bench -- --db postgres            one database kind (embedded | postgres)
//   npm run bench -- --quick                  small data, short runs: checks that benchmarks work
//   npm run bench -- --json results.json      also write the results for comparison over time
// To add a benchmark: export a BenchModule (see lib/types.ts) and list it in BENCHMARKS.
import "../scripts/lib/quiet-logs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { env } from "@/env";
import { setDatabase } from "@/server/db/database";
import { closeBus } from "@/server/realtime/bus";
import { closeRedis } from "@/server/redis";
import { ensureSyntheticTenant, insertSyntheticCases, type SyntheticTenant } from "@/server/services/seed/bulk-cases";
import { formatResult } from "./lib/report";
import { openEmbeddedTarget, openPostgresTarget, type Target } from "./lib/targets";
import type { BenchContext, BenchModule, BenchResult } from "./lib/types";
import { casesHttpBench } from "./cases-http.bench";
import { importsBench } from "./imports.bench";
import { jobsBench } from "./jobs.bench";
import { pulseBench } from "./pulse.bench";
import { trendingBench } from "./trending.bench";
import { reportsBench } from "./reports.bench";
import { realtimeBench } from "./realtime.bench";
import { searchBench } from "./search.bench";
import { webBench } from "./web.bench";
import { devStartBench } from "./dev-start.bench";
import { tenancyBench } from "./tenancy.bench";
import { aiBench } from "./ai.bench";
import { triageBench } from "./triage.bench";
import { macrosBench } from "./macros.bench";
import { widgetBench } from "./widget.bench";
import { admissionBench } from "./admission.bench";

const BENCHMARKS: BenchModule[] = [tenancyBench, jobsBench, casesHttpBench, importsBench, realtimeBench, pulseBench, searchBench, webBench, devStartBench, aiBench, trendingBench, reportsBench, triageBench, macrosBench, widgetBench, admissionBench];

const log = (message: string) => process.stderr.write(`  … ${message}\n`);

function contextFor(target: Target, quick: boolean): BenchContext {
  const tenants = new Map<string, Promise<SyntheticTenant>>();
  return {
    db: target.db,
    kind: target.kind,
    label: target.label,
    quick,
    log,
    syntheticTenant(slug, cases) {
      const key = `${slug}:${cases}`;
      let tenant = tenants.get(key);
      if (!tenant) {
        tenant = (async () => {
          const started = performance.now();
          const created = await ensureSyntheticTenant(target.db, { slug, name: slug, agents: 4 });
          if (created.created) {
            await insertSyntheticCases(target.db, { tenant: created, count: cases, batchSize: 50_000 });
            // Settles the table now, so autovacuum does not wake up in the middle of a measurement.
            await target.db.sql.exec(`VACUUM (ANALYZE) cases`);
          }
          log(`tenant ${slug}: ${cases.toLocaleString("en-US")} cases in ${Math.round(performance.now() - started)} ms`);
          return created;
        })();
        tenants.set(key, tenant);
      }
      return tenant;
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      db: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "string" },
    },
  });
  const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
  if (unknown.length) {
    console.error(`error: unknown benchmark ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    return 1;
  }
  const selected = only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS.filter((b) => !b.optIn);

  const kinds = values.db ? values.db.split(",").map((s) => s.trim()) : ["embedded", ...(env.DATABASE_URL ? ["postgres"] : [])];
  if (kinds.some((k) => k !== "embedded" && k !== "postgres")) {
    console.error(`error: --db expects embedded and/or postgres, got "${values.db}"`);
    return 1;
  }
  if (kinds.includes("postgres") && !env.DATABASE_URL) {
    console.error("error: --db postgres needs DATABASE_URL (a temporary database is created next to it and dropped)");
    return 1;
  }
  if (!env.DATABASE_URL && !values.db) log("DATABASE_URL is not set: embedded database only");

  const results: { benchmark: string; database: string; result: BenchResult }[] = [];
  const started = performance.now();
  for (const kind of kinds) {
    log(`opening a fresh ${kind} database`);
    const target = kind === "embedded" ? await openEmbeddedTarget() : await openPostgresTarget(env.DATABASE_URL!);
    try {
      // withTenantDb and withPrivilegedDb reach the database through the process-wide handle.
      setDatabase(Promise.resolve(target.db), target.url);
      const ctx = contextFor(target, values.quick);
      for (const bench of selected) {
        log(`${bench.name} on ${target.label}`);
        const result = await bench.run(ctx);
        results.push({ benchmark: bench.name, database: target.label, result });
        console.log(`\n${formatResult(bench.title, target.label, result)}\n`);
      }
    } finally {
      // The next database may need another bus (the embedded one is in-process; PostgreSQL's listens there).
      await closeBus();
      await target.dispose();
    }
  }
  log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
  if (values.json) {
    await writeFile(values.json, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
    log(`results written to ${values.json}`);
  }
  return 0;
}

// The rate limiters' Redis connection (REDIS_URL) and the realtime bus's would keep the process alive after the run.
main().finally(() => closeBus().then(closeRedis)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
