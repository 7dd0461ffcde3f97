// A finished embedded data directory (PGlite's files on disk), kept to be copied into place: a
// fresh directory otherwise costs initdb, every migration and a seed on each first start, a copy
// a tenth of a second. A template is stored under its key, a hash of everything that shaped its
// contents (the caller names the parts: migrations, seed, PGlite version…), so a template built
// for another migration set is never found, let alone used.
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface DataDirTemplate {
  key: string;
  /** The data directory to copy. */
  dir: string;
  builtAt: Date;
}

/** Marks a finished template; written last, so a half-built one never counts. */
interface TemplateManifest {
  key: string;
  builtAt: string;
  parts: Record<string, string>;
}

/** Abandoned builds (a killed install) are removed once this old; younger ones may still be running. */
const STALE_BUILD_MS = 60 * 60_000;

export function templateKey(parts: Record<string, string>): string {
  const sorted = Object.keys(parts)
    .sort()
    .map((name) => [name, parts[name]]);
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

function paths(cacheDir: string, key: string) {
  const name = `pglite-${key.slice(0, 16)}`;
  return { dir: join(cacheDir, name), manifest: join(cacheDir, `${name}.json`) };
}

function readManifest(path: string): TemplateManifest | null {
  try {
    return JSON.parse(readFileSync(/* turbopackIgnore: true */ path, "utf8")) as TemplateManifest;
  } catch {
    return null;
  }
}

/** No directory, or an empty one: PGlite would run initdb there. */
export function isFreshDataDir(dataDir: string): boolean {
  try {
    return readdirSync(/* turbopackIgnore: true */ dataDir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/** The finished template with exactly this key, built less than maxAgeMs ago; else null. */
export function findTemplate(cacheDir: string, key: string, maxAgeMs: number, now = Date.now()): DataDirTemplate | null {
  const { dir, manifest } = paths(cacheDir, key);
  const meta = readManifest(manifest);
  // The name holds a prefix of the key; the manifest the whole of it.
  if (!meta || meta.key !== key || !existsSync(/* turbopackIgnore: true */ dir)) return null;
  const builtAt = new Date(meta.builtAt);
  if (!(now - builtAt.getTime() < maxAgeMs)) return null;
  return { key, dir, builtAt };
}

/**
 * Builds the template for these parts: `fill` gets an empty directory, creates the database in it
 * and closes it. Built aside and renamed into place, so readers never see half a template and
 * two builders (an install and a first start) cannot corrupt each other. Older templates in the
 * cache are removed.
 */
export async function buildTemplate(
  cacheDir: string,
  parts: Record<string, string>,
  fill: (dataDir: string) => Promise<void>,
): Promise<DataDirTemplate> {
  const key = templateKey(parts);
  const { dir, manifest } = paths(cacheDir, key);
  const building = join(cacheDir, `building-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(/* turbopackIgnore: true */ cacheDir, { recursive: true });
  try {
    await fill(building);
    // A directory without its manifest is an interrupted earlier build: replace it.
    if (!readManifest(manifest)) rmSync(/* turbopackIgnore: true */ dir, { recursive: true, force: true });
    try {
      renameSync(/* turbopackIgnore: true */ building, dir);
    } catch (error) {
      // Another process finished the same template first: theirs is as good.
      if (!["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    }
    const builtAt = new Date();
    const meta: TemplateManifest = { key, builtAt: builtAt.toISOString(), parts };
    const written = `${manifest}.${process.pid}`;
    writeFileSync(/* turbopackIgnore: true */ written, JSON.stringify(meta, null, 2));
    renameSync(/* turbopackIgnore: true */ written, manifest);
    pruneOtherTemplates(cacheDir, key);
    return { key, dir, builtAt };
  } finally {
    rmSync(/* turbopackIgnore: true */ building, { recursive: true, force: true });
    rmSync(/* turbopackIgnore: true */ `${resolve(building)}.lock`, { force: true });
  }
}

/** Each template is tens of megabytes; only the current one is worth keeping. */
function pruneOtherTemplates(cacheDir: string, key: string): void {
  const keep = paths(cacheDir, key);
  const now = Date.now();
  for (const entry of readdirSync(/* turbopackIgnore: true */ cacheDir)) {
    const path = join(cacheDir, entry);
    if (path === keep.dir || path === keep.manifest) continue;
    if (entry.startsWith("building-")) {
      // Possibly another process's build in progress.
      if (now - statSync(/* turbopackIgnore: true */ path).mtimeMs < STALE_BUILD_MS) continue;
    } else if (!entry.startsWith("pglite-")) continue;
    rmSync(/* turbopackIgnore: true */ path, { recursive: true, force: true });
  }
}

/**
 * Copies the template to dataDir, which must be fresh (isFreshDataDir). Copied aside and renamed,
 * so an interrupted copy leaves a fresh directory behind, never a half one PGlite would open.
 */
export function restoreTemplate(template: DataDirTemplate, dataDir: string): void {
  const target = resolve(dataDir);
  const copying = `${target}.restoring-${process.pid}`;
  rmSync(/* turbopackIgnore: true */ copying, { recursive: true, force: true });
  cpSync(/* turbopackIgnore: true */ template.dir, copying, { recursive: true });
  // rename() replaces an empty directory on POSIX but not on Windows: remove it first.
  try {
    rmdirSync(/* turbopackIgnore: true */ target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  renameSync(/* turbopackIgnore: true */ copying, target);
}
