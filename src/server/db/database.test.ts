// The process database as a server start installs it (src/server/startup/start-app.ts).
import { describe, expect, it } from "vitest";
import { getDatabase, holdDatabase, setDatabase } from "./database";

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
