// The database as an app start opens it (instrumentation.ts): the process database of
// src/server/db/database.ts, plus what only a start does. In development a fresh embedded data
// directory is restored from the demo template (migrated and seeded once, see demo-template.ts)
// instead of running initdb, every migration and the seed; then pending migrations are applied as
// always, and the demo data loaded where it is wanted and missing. This lives here, not in the db
// layer: the seed imports auth, which imports the db, and the db must import no service.
import { env, isEmbeddedDatabase } from "@/env";
import type { Database } from "@/server/db/connection";
import { startDatabase } from "@/server/db/database";
import { logger } from "@/server/logger";
import { restoreDemoDataDir } from "@/server/services/seed/demo-template";

async function restoreFromTemplate(dataDir: string): Promise<"current" | undefined> {
  try {
    // A restored directory is the template, made for exactly these migrations and this seed.
    return (await restoreDemoDataDir(dataDir)) ? "current" : undefined;
  } catch (error) {
    // Only a shortcut: without it the database is created from the migrations and seeded here.
    logger.warn({ err: error }, "demo template unavailable; creating the database from the migrations");
    return undefined;
  }
}

export function startAppDatabase(): Promise<Database> {
  const seed = env.SEED_DEMO ?? env.APP_ENV === "development";
  if (!seed) return startDatabase({});
  const dataDir = env.PGLITE_DATA_DIR;
  // The developer's own database only. Test runs (vitest's in-memory database, the browser tests'
  // fresh directories under APP_ENV=test) keep creating theirs from the migrations.
  const fromTemplate = isEmbeddedDatabase() && env.APP_ENV === "development" && !dataDir.startsWith("memory://");
  // The seed (and what it imports: auth, services) loads while the database opens, not before.
  const seeding = import("@/server/services/seed/demo-seed");
  return startDatabase({
    beforeOpen: fromTemplate ? () => restoreFromTemplate(dataDir) : undefined,
    afterMigrate: async (db) => (await seeding).seedDemoIfEmpty(db),
  });
}
