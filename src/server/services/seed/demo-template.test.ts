// The development database's template: what a fresh data directory gets must be exactly what the
// migrations and the seed would have made, and a template made for other migrations is never used.
// Real PGlite on temporary directories; the default cache and .data/pglite are never touched.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/server/db/connection";
import { findTemplate, templateKey } from "@/server/db/data-dir-template";
import { MIGRATIONS_DIR, migrationStatus, readMigrationFiles } from "@/server/db/migrations";
import { privilegedTransaction } from "@/server/db/privileged-db";
import { DEMO_TENANTS } from "./demo-data";
import { DEMO_TEMPLATE_CACHE_DIR, demoTemplateParts, ensureDemoTemplate, restoreDemoDataDir } from "./demo-template";

const DAY = 24 * 60 * 60_000;
let root: string;
let cacheDir: string;
let migrationsDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "caseboard-template-"));
  cacheDir = join(root, "cache");
  migrationsDir = join(root, "migrations");
  cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function inspect(dataDir: string, dir = migrationsDir) {
  const db = await openDatabase({ dataDir });
  try {
    const status = await migrationStatus(db.sql, dir);
    const tenants = await privilegedTransaction(db.prisma, (tx) =>
      tx.tenant.findMany({ where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } }, select: { slug: true, _count: { select: { cases: true } } } }),
    );
    const probe = await db.sql.query<{ exists: boolean }>(`SELECT to_regclass('template_probe') IS NOT NULL AS exists`);
    return { status, tenants, probe: probe[0]?.exists };
  } finally {
    await db.close();
  }
}

describe("demo database template", () => {
  it("restores a fresh data directory with every migration applied and the demo tenants seeded", { timeout: 180_000 }, async () => {
    const dataDir = join(root, "data-1");
    expect(await restoreDemoDataDir(dataDir, { cacheDir, migrationsDir })).toBe(true);

    const found = await inspect(dataDir);
    const all = (await readMigrationFiles(migrationsDir)).map((m) => m.name);
    expect(found.status).toEqual({ applied: all, pending: [], modified: [], failed: [] });
    expect(found.tenants.map((t) => t.slug).sort()).toEqual(DEMO_TENANTS.map((t) => t.slug).sort());
    expect(found.tenants.every((t) => t._count.cases > 0)).toBe(true);
    expect(cacheDir).not.toBe(DEMO_TEMPLATE_CACHE_DIR);
  });

  it("reuses the template for the same migrations, and leaves a directory that holds a database alone", { timeout: 120_000 }, async () => {
    const again = await ensureDemoTemplate({ cacheDir, migrationsDir });
    expect(again.built).toBe(false);
    const dataDir = join(root, "data-1");
    expect(await restoreDemoDataDir(dataDir, { cacheDir, migrationsDir })).toBe(false);
  });

  it("is keyed by the migrations: a changed or added migration never reuses the old template", { timeout: 180_000 }, async () => {
    const before = await ensureDemoTemplate({ cacheDir, migrationsDir });
    const keyBefore = templateKey(await demoTemplateParts(migrationsDir));
    expect(before.template.key).toBe(keyBefore);

    // An edited migration (same names, other contents) is another migration set.
    const [first] = await readMigrationFiles(migrationsDir);
    const firstFile = join(migrationsDir, first!.name, "migration.sql");
    const original = first!.sql;
    writeFileSync(firstFile, `${original}\n-- edited\n`);
    const keyEdited = templateKey(await demoTemplateParts(migrationsDir));
    writeFileSync(firstFile, original);
    expect(keyEdited).not.toBe(keyBefore);
    expect(findTemplate(cacheDir, keyEdited, DAY)).toBeNull();

    // A new migration: the old template is not found, a new one is built with it applied.
    mkdirSync(join(migrationsDir, "29990101000000_template_probe"));
    writeFileSync(join(migrationsDir, "29990101000000_template_probe", "migration.sql"), "CREATE TABLE template_probe (id INT);\n");
    const keyAdded = templateKey(await demoTemplateParts(migrationsDir));
    expect(keyAdded).not.toBe(keyBefore);
    expect(findTemplate(cacheDir, keyAdded, DAY)).toBeNull();

    const dataDir = join(root, "data-2");
    expect(await restoreDemoDataDir(dataDir, { cacheDir, migrationsDir })).toBe(true);
    const found = await inspect(dataDir);
    expect(found.probe).toBe(true);
    expect(found.status.pending).toEqual([]);
    expect(found.status.applied).toContain("29990101000000_template_probe");
    // The outdated template is gone from the cache (tens of megabytes each).
    expect(existsSync(before.template.dir)).toBe(false);
    expect(readdirSync(cacheDir).filter((e) => e.startsWith("pglite-") && !e.endsWith(".json"))).toHaveLength(1);
  });

  it("is not used once older than its maximum age (the demo's dates are relative to its seeding)", async () => {
    const key = templateKey(await demoTemplateParts(migrationsDir));
    expect(findTemplate(cacheDir, key, DAY)).not.toBeNull();
    expect(findTemplate(cacheDir, key, DAY, Date.now() + DAY)).toBeNull();
  });
});
