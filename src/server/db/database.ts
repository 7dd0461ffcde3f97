// The process-wide database: opened on first use, migrated (and, in development, seeded) before
// anyone queries it. Kept on globalThis so Next's separate module graphs and hot reloads share it.
import { env, isEmbeddedDatabase } from "@/env";
import { logger } from "@/server/logger";
import { openDatabase, type Database, type OpenOptions } from "./connection";
import { migrate } from "./migrations";

const globalForDb = globalThis as unknown as { caseboardDb?: Promise<Database>; caseboardDbUrl?: string | null };

export interface BootOptions extends OpenOptions {
  migrate?: boolean;
  seed?: boolean;
}

async function boot(options: BootOptions): Promise<Database> {
  globalForDb.caseboardDbUrl = options.url ?? null;
  const started = Date.now();
  const db = await openDatabase(options);
  if (options.migrate) {
    await migrate(db.sql, { log: (message) => logger.info(message) });
  }
  if (options.seed) {
    const { seedDemoIfEmpty } = await import("@/server/services/seed/demo-seed");
    await seedDemoIfEmpty(db);
  }
  logger.info({ kind: db.kind, ms: Date.now() - started }, "database ready");
  return db;
}

function defaultBootOptions(): BootOptions {
  const embedded = isEmbeddedDatabase();
  const deployed = env.APP_ENV === "production" || env.APP_ENV === "staging";
  return {
    url: env.DATABASE_URL,
    migrate: env.DB_AUTO_MIGRATE ?? (embedded || !deployed),
    seed: env.SEED_DEMO ?? env.APP_ENV === "development",
  };
}

export function getDatabase(): Promise<Database> {
  globalForDb.caseboardDb ??= boot(defaultBootOptions()).catch((error: unknown) => {
    globalForDb.caseboardDb = undefined;
    logger.fatal({ err: error }, "database failed to start");
    throw error;
  });
  return globalForDb.caseboardDb;
}

/**
 * The PostgreSQL URL of the database this process opened (or is opening), null for the embedded
 * one, undefined before any. The realtime bus listens on the same database (NOTIFY is per
 * database), which tests and scripts may have chosen instead of DATABASE_URL.
 */
export function openedDatabaseUrl(): string | null | undefined {
  return globalForDb.caseboardDbUrl;
}

/** Replaces the process database (tests, scripts). */
export function setDatabase(db: Promise<Database>, url?: string | null): void {
  globalForDb.caseboardDb = db;
  if (url !== undefined) globalForDb.caseboardDbUrl = url;
}

export async function bootDatabase(options: BootOptions): Promise<Database> {
  const db = boot(options);
  setDatabase(db);
  return db;
}
