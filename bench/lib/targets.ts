// The databases a benchmark run uses: always fresh and its own, so a benchmark never reads or
// writes the developer's data. Embedded: a PGlite data directory on disk in the OS temp dir (on
// disk, as `npm run dev` uses it). PostgreSQL: a database created next to DATABASE_URL's and
// dropped afterwards, also on Ctrl-C.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DatabaseKind } from "@/server/db/connection";
import { migrate } from "@/server/db/migrations";

export interface Target {
  kind: DatabaseKind;
  label: string;
  db: Database;
  /** The temporary PostgreSQL database's URL; null for the embedded one. */
  url: string | null;
  dispose(): Promise<void>;
}

const pending = new Set<() => Promise<void>>();
let interruptHandlerInstalled = false;

/** Cleans up what a run created even when it is interrupted. */
function track(dispose: () => Promise<void>): () => Promise<void> {
  if (!interruptHandlerInstalled) {
    interruptHandlerInstalled = true;
    process.once("SIGINT", () => {
      process.stderr.write("\ninterrupted: removing the benchmark databases…\n");
      void Promise.allSettled([...pending].map((d) => d())).then(() => process.exit(130));
    });
  }
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await dispose();
  };
  pending.add(once);
  return once;
}

async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.sql.query<{ server_version: string }>(`SHOW server_version`);
  // "15.20 (Debian 15.20-0+deb12u1)" → "15.20"
  return row?.server_version.split(" ")[0] ?? "?";
}

export async function openEmbeddedTarget(): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), "caseboard-bench-"));
  const dataDir = join(dir, "pglite");
  const cleanup = track(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  try {
    const db = await openDatabase({ dataDir });
    await migrate(db.sql);
    return {
      kind: "embedded",
      label: `embedded (PGlite, PostgreSQL ${await serverVersion(db)}, on disk)`,
      db,
      url: null,
      dispose: async () => {
        await db.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function openPostgresTarget(baseUrl: string): Promise<Target> {
  // BENCH_DATABASE names a database to keep between runs (created when missing, never dropped), so
  // a bench that seeds a million cases seeds them once while its queries are being worked on.
  const kept = process.env.BENCH_DATABASE;
  if (kept !== undefined && !/^[a-z_][a-z0-9_]*$/.test(kept)) throw new Error(`BENCH_DATABASE must be a lower-case SQL name, got "${kept}"`);
  const name = kept ?? `caseboard_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const exists = kept !== undefined && (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  if (!exists) await admin(`CREATE DATABASE ${name}`);
  const cleanup = track(() => (kept ? Promise.resolve() : admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined)));
  try {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), poolSize: 4 });
    await migrate(db.sql);
    return {
      kind: "postgres",
      label: `PostgreSQL ${await serverVersion(db)} (${url.hostname}, ${kept ? "kept" : "temporary"} database ${name})`,
      db,
      url: url.toString(),
      dispose: async () => {
        await db.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
