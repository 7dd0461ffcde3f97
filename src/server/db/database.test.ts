// The process database as a server start installs it (src/server/startup/start-app.ts).
import { describe, expect, it, vi } from "vitest";
import type { Database } from "./connection";
import { bootDatabase, getDatabase, holdDatabase, setDatabase } from "./database";
import { migrationStatus } from "./migrations";

describe("holdDatabase", () => {
  it("makes getDatabase() wait for the start to install the database, and hands callers that one instead of opening another", async () => {
    const global = globalThis as { caseboardDb?: Promise<unknown> };
    const saved = global.caseboardDb;
    const installed = await getDatabase();
    // As at a development start: serving, and nothing installed yet.
    global.caseboardDb = undefined;
    try {
      const release = holdDatabase();
      let answered = false;
      const waiting = getDatabase().then((db) => ((answered = true), db));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(answered).toBe(false);
      // The caller did not open a database of its own (with the default options, no seed).
      expect(global.caseboardDb).toBeUndefined();
      setDatabase(Promise.resolve(installed));
      release();
      expect(await waiting).toBe(installed);
    } finally {
      global.caseboardDb = saved;
    }
  });

  it("lets a later hold end an earlier one only by its own release", async () => {
    const global = globalThis as { caseboardDbHold?: Promise<void> };
    const releaseFirst = holdDatabase();
    const releaseSecond = holdDatabase();
    releaseFirst();
    expect(global.caseboardDbHold).toBeDefined();
    releaseSecond();
    expect(global.caseboardDbHold).toBeUndefined();
  });
});

describe("a boot whose data directory is already current", () => {
  // A development start restores a fresh directory from the demo template, which was made for
  // exactly the current migrations and seed (its key): migrating and seeding again is skipped.
  async function bootWith(beforeOpen: () => Promise<"current" | undefined>) {
    const global = globalThis as { caseboardDb?: Promise<Database> };
    const saved = global.caseboardDb;
    const afterMigrate = vi.fn(async () => {});
    try {
      const db = await bootDatabase({ dataDir: "memory://", migrate: true, beforeOpen, afterMigrate });
      const status = await migrationStatus(db.sql);
      await db.close();
      return { status, afterMigrate };
    } finally {
      global.caseboardDb = saved;
    }
  }

  it("neither migrates nor runs the seed hook when the directory is current", async () => {
    const { status, afterMigrate } = await bootWith(async () => "current");
    // An empty in-memory database stands in for the restored one: nothing was applied to it.
    expect(status.applied).toEqual([]);
    expect(afterMigrate).not.toHaveBeenCalled();
  });

  it("migrates and runs the seed hook otherwise", { timeout: 60_000 }, async () => {
    const { status, afterMigrate } = await bootWith(async () => undefined);
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(10);
    expect(afterMigrate).toHaveBeenCalledTimes(1);
  });
});
