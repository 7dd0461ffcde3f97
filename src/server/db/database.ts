// The process-wide database: opened on first use and migrated before anyone queries it. Kept on
// globalThis so Next's separate module graphs and hot reloads share it. What else a start needs
// (the demo seed, a data directory restored from its template) is the boot path's business
// (src/server/startup/app-database.ts), handed in as hooks: this layer imports no service.
import { env, isEmbeddedDatabase } from "@/env";
import { logger } from "@/server/logger";
import { openDatabase, type Database, type OpenOptions } from "./connection";
import { migrate } from "./migrations";

const globalForDb = globalThis as unknown as {
  caseboardDb?: Promise<Database>;
  caseboardDbUrl?: string | null;
  caseboardDbHold?: Promise<void>;
};

export interface BootOptions extends OpenOptions {
  migrate?: boolean;
  /**
   * Runs before the database is opened (the embedded data directory restored from a template).
   * Resolves to "current" when the directory now holds every migration and whatever afterMigrate
   * would add: a template is keyed by exactly those, so neither runs again (readiness still
   * checks the migrations).
   */
  beforeOpen?: () => Promise<"current" | undefined>;
  /** Runs once migrated, before any caller gets the database (the demo seed). */
  afterMigrate?: (db: Database) => Promise<unknown>;
}

async function boot(options: BootOptions): Promise<Database> {
  globalForDb.caseboardDbUrl = options.url ?? null;
  const started = Date.now();
  const current = (await options.beforeOpen?.()) === "current";
  const db = await openDatabase(options);
  if (!current) {
    if (options.migrate) await migrate(db.sql, { log: (message) => logger.info(message) });
    await options.afterMigrate?.(db);
  }
  logger.info({ kind: db.kind, ms: Date.now() - started }, "database ready");
  return db;
}

export function defaultBootOptions(): BootOptions {
  const embedded = isEmbeddedDatabase();
  const deployed = env.APP_ENV === "production" || env.APP_ENV === "staging";
  return {
    url: env.DATABASE_URL,
    migrate: env.DB_AUTO_MIGRATE ?? (embedded || !deployed),
  };
}

function install(options: BootOptions): Promise<Database> {
  const db = boot(options).catch((error: unknown) => {
    // The next caller tries again (with the default options) instead of inheriting the failure.
    if (globalForDb.caseboardDb === db) globalForDb.caseboardDb = undefined;
    logger.fatal({ err: error }, "database failed to start");
    throw error;
  });
  globalForDb.caseboardDb = db;
  return db;
}

export function getDatabase(): Promise<Database> {
  if (globalForDb.caseboardDb) return globalForDb.caseboardDb;
  const hold = globalForDb.caseboardDbHold;
  if (hold) return hold.then(() => globalForDb.caseboardDb ?? install(defaultBootOptions()));
  return install(defaultBootOptions());
}

/**
 * Until the returned function is called, getDatabase() waits instead of opening the database with
 * the default options. The development server starts serving while its start (instrumentation.ts)
 * is still compiling the boot path that opens the database with its hooks (template, demo seed); a
 * request that comes first must wait for that boot, not start a second one without them.
 */
export function holdDatabase(): () => void {
  let release!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  globalForDb.caseboardDbHold = hold;
  return () => {
    if (globalForDb.caseboardDbHold === hold) globalForDb.caseboardDbHold = undefined;
    release();
  };
}

/**
 * Boots the process database with the boot path's hooks (src/server/startup/). Installed at
 * once, before anything awaits: whoever calls getDatabase() from then on waits for this boot,
 * hooks included, never for a second one.
 */
export function startDatabase(hooks: Pick<BootOptions, "beforeOpen" | "afterMigrate">): Promise<Database> {
  return install({ ...defaultBootOptions(), ...hooks });
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
