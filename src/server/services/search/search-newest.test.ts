// app_search_newest chooses its way on each call, for cases and for messages (a probe of
// the tenant's newest 1,000 rows, then a walk of the primary key, or the search index; migration
// 20261201193000_search_vectors). Whichever way it takes, the answer must be exactly the newest
// `how_many` matches of the caller's tenant, as the plain query returns them. (A walk that comes
// up short on a tenant of more than 100,000 cases, then answered by the index, is exercised by
// bench/search.bench.ts on a million.)
import { beforeAll, describe, expect, it } from "vitest";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { createTestTenant, type TestTenant } from "@/test/factories";

let large: TestTenant;
let small: TestTenant;

/**
 * `count` cases one second apart (ids UUIDv7 of their time, as the app's), their title words by
 * number: "printer" in every 4th, "toner" in every 40th, "zeppelin" in every 500th; one message
 * each, "cartridge" in every 3rd. The trigger writes the vectors.
 */
async function plant(tenant: TestTenant, count: number) {
  await withTenantDb(tenant.id, async (db) => {
    await db.$executeRaw`
      INSERT INTO cases (id, tenant_id, title, description, created_at, updated_at)
      SELECT (lpad(to_hex((extract(epoch FROM t.at) * 1000)::bigint), 12, '0') || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid,
             ${tenant.id}::uuid,
             'Case ' || t.n || CASE WHEN t.n % 4 = 0 THEN ' printer' ELSE '' END || CASE WHEN t.n % 40 = 1 THEN ' toner' ELSE '' END
               || CASE WHEN t.n % 500 = 7 THEN ' zeppelin' ELSE '' END,
             '', t.at, t.at
        FROM (SELECT n, now() - interval '1 day' + n * interval '1 second' AS at FROM generate_series(1, ${count}::int) AS n) t`;
    await db.$executeRaw`
      INSERT INTO case_messages (id, tenant_id, case_id, kind, author_type, body, created_at)
      SELECT (lpad(to_hex((extract(epoch FROM c.created_at + interval '1 minute') * 1000)::bigint), 12, '0') || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid,
             c.tenant_id, c.id, 'PUBLIC_REPLY', 'CUSTOMER', CASE WHEN c.number % 3 = 0 THEN 'The cartridge is empty' ELSE 'Thanks' END, c.created_at + interval '1 minute'
        FROM cases c WHERE c.tenant_id = ${tenant.id}::uuid`;
  });
}

const query = (db: TenantDb, words: string) => db.$queryRaw<{ q: string }[]>`SELECT to_tsquery(app_text_config(app_current_tenant()), ${words})::text AS q`.then((r) => r[0]!.q);

async function newestCases(tenant: TestTenant, words: string, howMany: number) {
  return withTenantDb(tenant.id, async (db) => {
    const q = await query(db, words);
    const [chosen, plain] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM app_search_newest('cases', ${q}::tsquery, ${howMany}::int) AS m(id)`,
      db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM cases WHERE search_vector @@ ${q}::tsquery ORDER BY id DESC LIMIT ${howMany}`,
    ]);
    return { chosen: chosen.map((r) => r.id), plain: plain.map((r) => r.id) };
  });
}

async function newestMessages(tenant: TestTenant, words: string, howMany: number) {
  return withTenantDb(tenant.id, async (db) => {
    const q = await query(db, words);
    const [chosen, plain] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM app_search_newest('messages', ${q}::tsquery, ${howMany}::int) AS m(id)`,
      db.$queryRaw<{ id: string }[]>`SELECT case_id::text AS id FROM case_messages WHERE search_vector @@ ${q}::tsquery ORDER BY id DESC LIMIT ${howMany}`,
    ]);
    return { chosen: chosen.map((r) => r.id), plain: plain.map((r) => r.id) };
  });
}

beforeAll(async () => {
  [large, small] = await Promise.all([createTestTenant("newest-large"), createTestTenant("newest-small")]);
  await plant(large, 3_000);
  await plant(small, 400);
});

describe("the newest matches, whichever way they are read", () => {
  it.each([
    // A quarter of the probe matches: walked, and the walk finds enough.
    ["printer", 100, 100],
    // Walked, and short: the walk read all 3,000 cases, so the 750 are all there are.
    ["printer", 1_000, 750],
    // 2.5% of the probe: walked for 10.
    ["toner", 10, 10],
    // Two in the probe: walked for 100; six in all, every case read.
    ["zeppelin", 100, 6],
    // Two in the probe: 1,000 would not be found within a walk's reach; the index answers.
    ["zeppelin", 1_000, 6],
    // In no case: the probe finds none, the index answers nothing.
    ["xylophone", 50, 0],
    // A prefix (the search palette's last word).
    ["print:*", 300, 300],
  ] as const)("cases matching %s, newest %i: %i, the same as the plain query's", async (words, howMany, expected) => {
    const { chosen, plain } = await newestCases(large, words, howMany);
    expect(chosen).toHaveLength(expected);
    expect(chosen).toEqual(plain);
  });

  it("reads a tenant smaller than the probe from the probe, and only its own cases", async () => {
    const { chosen, plain } = await newestCases(small, "printer", 50);
    expect(chosen).toHaveLength(50);
    expect(chosen).toEqual(plain);
    const all = await newestCases(small, "printer", 1_000);
    expect(all.chosen).toHaveLength(100);
    expect(all.chosen).toEqual(all.plain);
  });

  it.each([
    ["cartridge", 200, 200],
    ["cartridge", 5_000, 1_000],
    ["thanks", 1, 1],
    ["zeppelin", 10, 0],
  ] as const)("cases of the newest messages matching %s, newest %i: %i, the same as the plain query's", async (words, howMany, expected) => {
    const { chosen, plain } = await newestMessages(large, words, howMany);
    expect(chosen).toHaveLength(expected);
    expect(chosen).toEqual(plain);
  });

  it("returns nothing without a tenant", async () => {
    const { withPrivilegedDb } = await import("@/server/db/privileged-db");
    const rows = await withPrivilegedDb("test read", (db) => db.$queryRaw<unknown[]>`SELECT * FROM app_search_newest('cases', to_tsquery('simple', 'printer'), 10)`);
    expect(rows).toEqual([]);
  });
});
