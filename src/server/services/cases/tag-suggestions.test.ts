// Tag suggestions: the tenant's own tags, most used first, by the start of what is typed, drawn
// from its newest cases; never another tenant's.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { callerFor, createTestTenant } from "@/test/factories";
import { suggestTags } from "./tag-suggestions";

async function casesWithTags(tenantId: string, tags: string[][], createdAt = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000)) {
  await withPrivilegedDb("test fixture", (db) =>
    db.case.createMany({ data: tags.map((t, i) => ({ tenantId, title: `Tagged ${i}`, tags: t, createdAt: createdAt(i) })) }),
  );
}

describe("tag suggestions", () => {
  it("ranks the tenant's tags by use, filters by the typed start, and never shows another tenant's", async () => {
    const [tenant, other] = [await createTestTenant("tags"), await createTestTenant("tags-other")];
    await casesWithTags(tenant.id, [["billing", "refund"], ["billing"], ["billing", "réclamation"], ["refund"], ["100%_sure"], []]);
    await casesWithTags(other.id, [["billing-secret"], ["secret"]]);
    const agent = await callerFor(tenant.users.VIEWER, tenant.slug);
    expect(await agent.cases.tags({})).toEqual([
      { tag: "billing", cases: 3 },
      { tag: "refund", cases: 2 },
      { tag: "100%_sure", cases: 1 },
      { tag: "réclamation", cases: 1 },
    ]);
    expect(await agent.cases.tags({ prefix: "Re" })).toEqual([
      { tag: "refund", cases: 2 },
      { tag: "réclamation", cases: 1 },
    ].filter((s) => s.tag.startsWith("re")));
    // LIKE's wildcards are plain characters here.
    expect(await agent.cases.tags({ prefix: "100%" })).toEqual([{ tag: "100%_sure", cases: 1 }]);
    expect(await agent.cases.tags({ prefix: "%" })).toEqual([]);
    expect(await agent.cases.tags({ prefix: "_" })).toEqual([]);
    expect(await agent.cases.tags({ prefix: "secret" })).toEqual([]);
    expect(await agent.cases.tags({ limit: 1 })).toEqual([{ tag: "billing", cases: 3 }]);
  });

  it("draws from the newest cases only", async () => {
    const tenant = await createTestTenant("tags-recent");
    // Three old cases tagged "old", then two newer ones tagged "new": a sample of two sees only "new".
    await casesWithTags(tenant.id, [["old"], ["old"], ["old"], ["new"], ["new"]]);
    const sampled = await withTenantDb(tenant.id, (db) => suggestTags(db, { limit: 10 }, 2));
    expect(sampled).toEqual([{ tag: "new", cases: 2 }]);
    const all = await withTenantDb(tenant.id, (db) => suggestTags(db, { limit: 10 }));
    expect(all).toEqual([
      { tag: "old", cases: 3 },
      { tag: "new", cases: 2 },
    ]);
  });
});
