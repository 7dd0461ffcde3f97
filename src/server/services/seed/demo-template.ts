// The development database's template: a data directory migrated and loaded with the demo data,
// built once (by `npm ci`'s postinstall, or by the first start that finds none) and copied into
// every fresh .data/pglite. Its key covers what decides the bytes in it: the migrations (name and
// checksum of each), the seed's sources, the PGlite version (its on-disk format) and the keys that
// encrypt the demo customers, so a change to any of them builds a new template instead.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "@/env";
import { openDatabase } from "@/server/db/connection";
import { buildTemplate, findTemplate, isFreshDataDir, restoreTemplate, templateKey, type DataDirTemplate } from "@/server/db/data-dir-template";
import { acquireDataDirLock } from "@/server/db/data-dir-lock";
import { migrate, MIGRATIONS_DIR, readMigrationFiles } from "@/server/db/migrations";
import { logger } from "@/server/logger";

/** Bump when the way a template is made changes without any of its parts changing. */
const TEMPLATE_FORMAT = "1";
/**
 * The demo's cases are dated relative to the moment of seeding (arrivals over the last 60 days,
 * the recent ones still open, SLAs running). Past a day the copy would start its history in the
 * past, so an older template is rebuilt instead.
 */
export const DEMO_TEMPLATE_MAX_AGE_MS = 24 * 60 * 60_000;

const root = () => /* turbopackIgnore: true */ process.cwd();
export const DEMO_TEMPLATE_CACHE_DIR = join(root(), "node_modules", ".cache", "caseboard");
const SEED_DIR = join(root(), "src", "server", "services", "seed");

export interface DemoTemplateOptions {
  cacheDir?: string;
  migrationsDir?: string;
  maxAgeMs?: number;
}

function sha256(...chunks: string[]): string {
  const hash = createHash("sha256");
  for (const chunk of chunks) hash.update(chunk).update("\0");
  return hash.digest("hex");
}

/** The seed's own sources (not its tests); a change to the demo data rebuilds the template. */
function seedSourcesHash(): string {
  const files = readdirSync(/* turbopackIgnore: true */ SEED_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  return sha256(...files.flatMap((f) => [f, readFileSync(/* turbopackIgnore: true */ join(SEED_DIR, f), "utf8")]));
}

function pgliteVersion(): string {
  const manifest = join(root(), "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(readFileSync(/* turbopackIgnore: true */ manifest, "utf8")) as { version: string }).version;
}

export async function demoTemplateParts(migrationsDir = MIGRATIONS_DIR): Promise<Record<string, string>> {
  const migrations = await readMigrationFiles(migrationsDir);
  return {
    format: TEMPLATE_FORMAT,
    pglite: pgliteVersion(),
    migrations: sha256(...migrations.map((m) => `${m.name}:${m.checksum}`)),
    seed: seedSourcesHash(),
    // Customers' e-mail and phone are encrypted and blind-indexed with these: a template made
    // with other keys would hold demo customers nobody could read or find. Only a hash is kept.
    keys: sha256(env.ENCRYPTION_KEYS ?? "", env.AUDIT_HMAC_KEYS ?? ""),
  };
}

/** The current template, built now when there is none (or only an outdated one). */
export async function ensureDemoTemplate(options: DemoTemplateOptions = {}): Promise<{ template: DataDirTemplate; built: boolean }> {
  const cacheDir = options.cacheDir ?? DEMO_TEMPLATE_CACHE_DIR;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const parts = await demoTemplateParts(migrationsDir);
  const found = findTemplate(cacheDir, templateKey(parts), options.maxAgeMs ?? DEMO_TEMPLATE_MAX_AGE_MS);
  if (found) return { template: found, built: false };
  const template = await buildTemplate(cacheDir, parts, async (dataDir) => {
    const db = await openDatabase({ dataDir });
    try {
      await migrate(db.sql, { dir: migrationsDir });
      // Loaded only when a template is built: a start that restores one never compiles the seed for it.
      const { seedDemoIfEmpty } = await import("./demo-seed");
      await seedDemoIfEmpty(db);
    } finally {
      await db.close();
    }
  });
  return { template, built: true };
}

/**
 * Gives a fresh embedded data directory the demo template's contents (building the template
 * first when needed). Does nothing to a directory that already holds a database. Returns
 * whether it restored.
 */
export async function restoreDemoDataDir(dataDir: string, options: DemoTemplateOptions = {}): Promise<boolean> {
  // Held from here on (openDatabase takes it again, as the same process): nobody else may
  // create a database in the directory while it is being filled.
  await acquireDataDirLock(dataDir);
  if (!isFreshDataDir(dataDir)) return false;
  const started = Date.now();
  const { template, built } = await ensureDemoTemplate(options);
  restoreTemplate(template, dataDir);
  logger.info(
    { ms: Date.now() - started, template: template.dir, built },
    built ? "demo template built and copied into the data directory" : "data directory restored from the demo template",
  );
  return true;
}
