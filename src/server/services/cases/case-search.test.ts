// The cases list's `q` through app_case_search_ids: the same matches as before (words, phrases,
// -exclusions, or, case numbers), everywhere the filter is used (list, counts, bulk update), and
// the function itself keeps to the transaction's tenant: no tenant parameter, nothing without a
// tenant set, nothing of another tenant even when only that tenant's text matches.
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withTenantDb } from "@/server/db/tenant-db";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { listCases } from "./list-cases";

let a: TestTenant;
let b: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
const ids: Record<string, string> = {};
const numbers: Record<string, number> = {};
let bZebraId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("qsearch-a"), createTestTenant("qsearch-b")]);
  const owner = await callerFor(a.users.OWNER, a.slug);
  const rows = {
    printer: { title: "Printer broken", description: "The laser printer in room 4 prints blank pages" },
    jam: { title: "Paper jam", description: "Tray two has a paper jam again" },
    refund: { title: "Refund request", description: "A refund for order 77" },
    invoice: { title: "Invoice has wrong VAT", description: "" },
  };
  for (const [key, input] of Object.entries(rows)) {
    const created = await owner.cases.create(input);
    ids[key] = created.id;
    numbers[key] = created.number;
  }
  bZebraId = (await (await callerFor(b.users.OWNER, b.slug)).cases.create({ title: "Zebra crossing", description: "Only tenant B writes about zebras" })).id;
  agent = await callerFor(a.users.AGENT, a.slug);
});

const listed = async (q: string) => (await agent.cases.list({ q, limit: 100 })).items.map((c) => c.id).sort();
const idsOf = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe("cases list q", () => {
  it("finds words in title and description, case-insensitively, all words required", async () => {
    expect(await listed("printer")).toEqual(idsOf("printer"));
    expect(await listed("LASER blank")).toEqual(idsOf("printer"));
    expect(await listed("vat")).toEqual(idsOf("invoice"));
    expect(await listed("printer refund")).toEqual([]);
  });

  it("reads phrases, -exclusions and or as websearch does", async () => {
    expect(await listed('"paper jam"')).toEqual(idsOf("jam"));
    expect(await listed('"jam paper"')).toEqual([]);
    expect(await listed("refund -order")).toEqual([]);
    expect(await listed("refund -printer")).toEqual(idsOf("refund"));
    expect(await listed("printer or invoice")).toEqual(idsOf("printer", "invoice"));
  });

  it("finds a case by number: #n the number only, a bare n the number or the text", async () => {
    expect(await listed(`#${numbers.jam}`)).toEqual(idsOf("jam"));
    expect(await listed(`${numbers.jam}`)).toEqual(idsOf("jam"));
    // "77" is in the refund's text and may also be a number (of no case here, or of one).
    const bare = await listed("77");
    expect(bare).toContain(ids.refund);
    // Odd input never fails: websearch_to_tsquery reads any text.
    for (const q of ["'", '"', "&|!", "a:*", "(", "<->", "\\", "-", "or"]) expect(Array.isArray(await listed(q)), q).toBe(true);
  });

  it("counts and bulk updates follow the same matches", async () => {
    expect((await agent.cases.counts({ q: "printer or invoice" })).all).toBe(2);
    const result = await agent.cases.bulkUpdate({ target: { filter: { q: "paper jam" } }, priority: "HIGH" });
    expect(result).toMatchObject({ status: "done", matched: 1, updated: 1 });
    expect((await agent.cases.get({ id: ids.jam! })).priority).toBe("HIGH");
  });

  it("never returns another tenant's case, even when only that case matches", async () => {
    expect(await listed("zebra")).toEqual([]);
    expect((await agent.cases.counts({ q: "zebras" })).all).toBe(0);
    const asB = await callerFor(b.users.AGENT, b.slug);
    expect((await asB.cases.list({ q: "zebra" })).items.map((c) => c.id)).toEqual([bZebraId]);
    expect((await asB.cases.list({ q: "printer" })).items).toEqual([]);
  });
});

/** As caseboard_app, with app.tenant_id set to `tenantId` (or left unset), bypassing withTenantDb. */
async function asAppRole<T>(tenantId: string | null, sql: string): Promise<T[]> {
  const { prisma } = await getDatabase();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE caseboard_app`);
    if (tenantId !== null) await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return tx.$queryRawUnsafe<T[]>(sql);
  });
}

const searchIds = (words: string) => `SELECT id::text AS id FROM app_case_search_ids(websearch_to_tsquery('simple', '${words}')) AS m(id)`;

describe("app_case_search_ids", () => {
  it("returns the transaction's tenant's matches only", async () => {
    expect(await asAppRole(a.id, searchIds("zebra"))).toEqual([]);
    expect(await asAppRole(b.id, searchIds("zebra"))).toEqual([{ id: bZebraId }]);
    expect(await asAppRole(a.id, searchIds("printer"))).toEqual([{ id: ids.printer }]);
    expect(await withTenantDb(a.id, (db) => db.$queryRawUnsafe(searchIds("zebra")))).toEqual([]);
  });

  it("returns nothing without a tenant set, or with it set empty", async () => {
    expect(await asAppRole(null, searchIds("zebra"))).toEqual([]);
    expect(await asAppRole("", searchIds("zebra"))).toEqual([]);
  });

  it("takes no tenant: one tsquery argument; runs as caseboard_privileged with a pinned search_path; not callable by PUBLIC", async () => {
    const { prisma } = await getDatabase();
    const functions = await prisma.$queryRawUnsafe<{ name: string; args: string; definer: boolean; owner: string; config: string[]; public_exec: boolean }[]>(`
      SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, p.prosecdef AS definer,
             pg_get_userbyid(p.proowner) AS owner, p.proconfig AS config,
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) x WHERE x.grantee = 0 AND x.privilege_type = 'EXECUTE') AS public_exec
        FROM pg_proc p WHERE p.proname IN ('app_case_search_ids', 'app_customer_search_ids') ORDER BY p.proname`);
    expect(functions).toEqual([
      { name: "app_case_search_ids", args: "query tsquery", definer: true, owner: "caseboard_privileged", config: ["search_path=public, pg_temp"], public_exec: false },
      { name: "app_customer_search_ids", args: "pattern text, with_company boolean", definer: true, owner: "caseboard_privileged", config: ["search_path=public, pg_temp"], public_exec: false },
    ]);
    // A tenant id where the query goes is just a word to search for.
    await expect(asAppRole(a.id, `SELECT app_case_search_ids(websearch_to_tsquery('simple', 'zebra'), '${b.id}'::uuid)`)).rejects.toThrow(/does not exist/);
  });
});

describe("cases list q: a window of the newest cases, or the search index", () => {
  // Five cases, newest last: "kiwi" in the two newest, "mango" only in the oldest.
  let c: TestTenant;
  const made: string[] = [];
  beforeAll(async () => {
    c = await createTestTenant("qsearch-window");
    const owner = await callerFor(c.users.OWNER, c.slug);
    for (const title of ["Mango crate", "Pear box", "Plum box", "Kiwi box", "Kiwi crate"]) made.push((await owner.cases.create({ title })).id);
  });
  const page = (q: string, textWindow: number, limit = 1, cursor?: string | null) =>
    withTenantDb(c.id, (db) =>
      listCases(db, { userId: null, canReadPii: false }, { ...caseListQuerySchema.parse({ q }), limit, cursor }, { textWindow }),
    );

  it("a word in the newest cases: the window holds the page, in the list's order, and the cursor goes on", async () => {
    const first = await page("kiwi", 2);
    expect(first.items.map((i) => i.id)).toEqual([made[4]]);
    const second = await page("kiwi", 2, 1, first.nextCursor);
    expect(second.items.map((i) => i.id)).toEqual([made[3]]);
    expect(second.nextCursor).toBeNull();
  });

  it("a word only in an older case: the full window has no page, and the index finds it", async () => {
    expect((await page("mango", 2)).items.map((i) => i.id)).toEqual([made[0]]);
    // A window as large as the tenant is exact on its own: the same answer.
    expect((await page("mango", 10)).items.map((i) => i.id)).toEqual([made[0]]);
    expect((await page("durian", 2)).items).toEqual([]);
  });
});
