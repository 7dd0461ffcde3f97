// `npm run db:seed` migrates, then loads the demo tenants (once).
// `npm run db:seed -- --cases 1m [--tenant bench]` also adds N synthetic cases to one tenant,
// creating it (Bench Corp, slug "bench", with an owner and agents) when it does not exist.
import "../lib/quiet-logs";
import { parseArgs } from "node:util";
import { env } from "@/env";
import { openDatabase } from "@/server/db/connection";
import { migrate } from "@/server/db/migrations";
import { seedDemoIfEmpty } from "@/server/services/seed/demo-seed";
import { DEMO_PASSWORD } from "@/server/services/seed/demo-data";
import { ensureSyntheticTenant, insertSyntheticCases } from "@/server/services/seed/bulk-cases";
import { describeTarget, formatInt, formatMs, runScript, UsageError } from "../lib/cli";

const USAGE =
  "usage: npm run db:seed [-- --cases <N, e.g. 20000, 250k, 1m> [--tenant <slug>] [--name <tenant name>] " +
  "[--batch-size <rows, default 100k>] [--parallel <connections, PostgreSQL only, default 2>]]";
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Accepts 1000000, 1_000_000, 1,000,000, 250k, 1m. */
function parseCount(raw: string, option: string): number {
  const match = raw.trim().toLowerCase().replace(/[_,]/g, "").match(/^(\d+(?:\.\d+)?)([km]?)$/);
  const value = match ? Number(match[1]) * (match[2] === "m" ? 1e6 : match[2] === "k" ? 1e3 : 1) : NaN;
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} expects a positive whole number, got "${raw}"\n${USAGE}`);
  return value;
}

function defaultName(slug: string): string {
  if (slug === "bench") return "Bench Corp";
  return slug.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

runScript(async () => {
  const { values } = parseArgs({
    options: {
      cases: { type: "string" },
      tenant: { type: "string" },
      name: { type: "string" },
      "batch-size": { type: "string", default: "100000" },
      parallel: { type: "string", default: "2" },
    },
  });
  const count = values.cases === undefined ? 0 : parseCount(values.cases, "--cases");
  const batchSize = parseCount(values["batch-size"], "--batch-size");
  const parallel = parseCount(values.parallel, "--parallel");
  if (values.cases === undefined && (values.tenant ?? values.name) !== undefined) {
    throw new UsageError(`--tenant and --name only apply with --cases\n${USAGE}`);
  }
  const slug = values.tenant ?? "bench";
  if (!SLUG.test(slug)) throw new UsageError(`--tenant expects a slug (lower-case letters, digits, -), got "${slug}"`);

  console.log(`Seeding ${describeTarget()}`);
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: parallel + 1 });
  try {
    const applied = await migrate(db.sql, { log: (message) => console.log(`  ${message}`) });
    if (applied.length === 0) console.log("  migrations up to date");
    const seeded = await seedDemoIfEmpty(db);
    console.log(seeded ? `  demo tenants loaded (password "${DEMO_PASSWORD}")` : "  demo tenants already present");
    if (count === 0) return 0;

    const tenant = await ensureSyntheticTenant(db, { slug, name: values.name ?? defaultName(slug) });
    console.log(
      tenant.created
        ? `  created tenant ${tenant.name} (/t/${slug}), owner owner@${slug}.test, password "${DEMO_PASSWORD}"`
        : `  adding to tenant ${tenant.name} (/t/${slug})`,
    );
    const result = await insertSyntheticCases(db, {
      tenant,
      count,
      batchSize,
      parallel,
      onProgress: ({ inserted, total, batchMs, elapsedMs }) => {
        const rate = Math.round(inserted / (elapsedMs / 1000));
        console.log(
          `  ${formatInt(inserted).padStart(formatInt(total).length)} / ${formatInt(total)} cases` +
            `  batch ${formatMs(batchMs)}  ${formatInt(rate)} cases/s`,
        );
      },
    });
    console.log(
      `Inserted ${formatInt(result.inserted)} cases (#${formatInt(result.firstNumber)}–#${formatInt(result.lastNumber)}) ` +
        `in ${formatMs(result.ms)} (${formatInt(Math.round(result.inserted / (result.ms / 1000)))} cases/s, incl. ANALYZE; ` +
        `triggers ${result.mode === "replica" ? "skipped by session_replication_role" : "disabled per batch"}).`,
    );
    return 0;
  } finally {
    await db.close();
  }
});
