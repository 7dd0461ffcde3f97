// Naming another tenant's slug: an outsider learns nothing, keys stay bound to their tenant, and a
// member of two tenants carries neither rows nor role from one to the other.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError, rejectionOf } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey } from "@/test/factories";
import { createIsolationFixture, idsOf, tenantsOfCases, type Fixture } from "@/test/isolation/fixture";

let fx: Fixture;
beforeAll(async () => {
  fx = await createIsolationFixture();
});

describe("cross-tenant access by slug", () => {
  it("a user of B naming A's slug gets NOT_FOUND, the same answer as for a slug that does not exist", async () => {
    const foreign = await rejectionOf((await callerFor(fx.b.users.OWNER, fx.a.slug)).cases.list({}));
    const missing = await rejectionOf((await callerFor(fx.b.users.OWNER, "no-such-tenant")).cases.list({}));
    expect(foreign.code).toBe("NOT_FOUND");
    // Nothing tells an outsider that the tenant exists.
    expect({ message: foreign.message, details: foreign.details }).toEqual({ message: missing.message, details: missing.details });
  });

  it("an API key of B sending A's slug header gets NOT_FOUND", async () => {
    const bKey = await createTestApiKey(fx.b, { role: "OWNER" });
    await expectAppError((await apiKeyCaller(bKey, fx.a.slug)).cases.list({}), "NOT_FOUND");
    // The same key with its own slug works, so the refusal above is about the slug.
    await expect((await apiKeyCaller(bKey, fx.b.slug)).cases.list({})).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it("a member of both tenants reaches B's rows only under B's slug", async () => {
    const dual = fx.a.users.AGENT;
    await withPrivilegedDb("test fixture", (db) => db.membership.create({ data: { tenantId: fx.b.id, userId: dual.id, role: "VIEWER" } }));
    const inA = await callerFor(dual, fx.a.slug);
    await expectAppError(inA.cases.get({ id: fx.bCases[0]!.id }), "NOT_FOUND");
    expect(await tenantsOfCases(idsOf((await inA.cases.list({ limit: 100 })).items))).toEqual([fx.a.id]);
    const inB = await callerFor(dual, fx.b.slug);
    expect((await inB.cases.get({ id: fx.bCases[0]!.id })).title).toBe(fx.bCases[0]!.title);
    // B granted only VIEWER: A's AGENT role does not carry over.
    await expectAppError(inB.cases.create({ title: "Written with A's role?" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("tenant.mine lists only the caller's own tenants", async () => {
    const mine = await (await callerFor(fx.b.users.VIEWER)).tenant.mine();
    expect(mine.map((t) => t.slug)).toEqual([fx.b.slug]);
  });
});
