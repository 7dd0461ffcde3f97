// Small helpers shared by the developer scripts: which database a script is about to touch, and
// a uniform way to fail with a message instead of a stack trace.
import { env } from "@/env";
import { closeRedis } from "@/server/redis";

/** "PostgreSQL at host:port/db" (never the password) or "the embedded database at <dir>". */
export function describeTarget(url = env.DATABASE_URL): string {
  if (!url) return `the embedded database at ${env.PGLITE_DATA_DIR}`;
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Runs a script's main function: expected failures (usage, migrations, a locked data directory)
 * print one line; anything else prints its stack. The exit code is 1 either way.
 */
export function runScript(main: () => Promise<number | void>): void {
  // A Redis connection a script opened (rate limiters) would keep the process alive: close it.
  const run = () => main().finally(() => closeRedis());
  run().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const expected =
        err.name === "UsageError" ||
        err.name === "MigrationError" ||
        code.startsWith("ERR_PARSE_ARGS") ||
        /is in use by process/.test(err.message);
      console.error(expected ? `error: ${err.message}` : err);
      process.exitCode = 1;
    },
  );
}

export const formatInt = (n: number) => n.toLocaleString("en-US");
export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
