// Queries a request asks for at once inside its one transaction (Promise.all) go to the database
// one after another on its connection, in the order asked, each with its own answer. On
// PostgreSQL no second client.query() is sent while one runs: pg deprecates that (a warning at
// every start) and pg 9 removes it.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isEmbeddedDatabase } from "@/env";
import { createTestCases, createTestTenant } from "@/test/factories";
import { withTenantDb } from "./tenant-db";

afterEach(() => vi.restoreAllMocks());

describe("statements asked for at once in one transaction", () => {
  it("are sent one at a time, in order, and each gets its own answer", async () => {
    const t = await createTestTenant("in-turn");
    await createTestCases(t, ["alpha", "beta", "gamma"]);

    // How many statements each pg client has under way at once, at most.
    const active = new WeakMap<object, number>();
    let most = 0;
    let sent = 0;
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const now = (active.get(this) ?? 0) + 1;
      active.set(this, now);
      most = Math.max(most, now);
      sent++;
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) {
        return result.finally(() => active.set(this, (active.get(this) ?? 1) - 1));
      }
      active.set(this, now - 1);
      return result;
    } as never);

    const [count, titles, beta] = await withTenantDb(t.id, (db) =>
      Promise.all([
        db.case.count(),
        db.case.findMany({ select: { title: true }, orderBy: { number: "asc" } }),
        db.case.count({ where: { title: "beta" } }),
      ]),
    );
    expect(count).toBe(3);
    expect(titles.map((c) => c.title)).toEqual(["alpha", "beta", "gamma"]);
    expect(beta).toBe(1);
    if (!isEmbeddedDatabase()) {
      // BEGIN with the settings, three queries, COMMIT: all through pg, never two at once.
      expect(sent).toBeGreaterThanOrEqual(5);
      expect(most).toBe(1);
    }
  });
});
