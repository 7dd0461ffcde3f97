// PGlite's files may be opened by one process only; a second writer would corrupt them.
// A pid file next to the data directory turns that mistake into a clear message.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<() => void> {
  const lockPath = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database at ${dataDir} is in use by process ${holder} (is \`npm run dev\` or \`npm start\` running?). ` +
        `Stop it first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
  writeFileSync(lockPath, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}
