// Categories and business units as lists: settings are patched field by field, values can be
// archived (kept on what carries them, refused for anything new) and renamed everywhere at once.
import { describe, expect, it } from "vitest";
import { updateTenantSettingsSchema, tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { renameInJson } from "@/server/services/tenants/rename-choice";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant } from "@/test/factories";

describe("tenant.updateSettings as a patch", () => {
  it("accepts every setting, and changes only the fields given", async () => {
    expect(Object.keys(updateTenantSettingsSchema.shape).sort()).toEqual(Object.keys(tenantSettingsSchema.shape).sort());
    const tenant = await createTestTenant("patch");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.tenant.updateSettings({ caseCategories: ["Billing", "Bug"], businessUnits: ["Retail"] });
    const saved = await admin.tenant.updateSettings({ timeZone: "Europe/Lisbon" });
    expect(saved).toMatchObject({ timeZone: "Europe/Lisbon", caseCategories: ["Billing", "Bug"], businessUnits: ["Retail"], escalationLevels: ["Tier 2", "Management"] });
    await expect(admin.tenant.current()).resolves.toMatchObject({ settings: saved });
  });
});

describe("archived categories and business units", () => {
  it("keeps a value on the cases that have it, and refuses it for new ones", async () => {
    const tenant = await createTestTenant("archive");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await admin.tenant.updateSettings({ caseCategories: ["Billing", "Legacy"], businessUnits: ["Retail", "Old unit"] });
    const old = await agent.cases.create({ title: "Filed under Legacy", category: "Legacy", businessUnit: "Old unit" });

    const saved = await admin.tenant.updateSettings({
      caseCategories: ["Billing"],
      archivedCaseCategories: ["Legacy", "Billing", "legacy"],
      businessUnits: ["Retail"],
      archivedBusinessUnits: ["Old unit"],
    });
    // A value in use is never also archived, and the archive has no duplicates.
    expect(saved).toMatchObject({ caseCategories: ["Billing"], archivedCaseCategories: ["Legacy"], archivedBusinessUnits: ["Old unit"] });

    const refused = await expectAppError(agent.cases.create({ title: "New", category: "Legacy" }), "BAD_REQUEST");
    expect(refused.details?.fieldErrors).toEqual({ category: ["Choose one of: Billing"] });
    await expectAppError(agent.cases.create({ title: "New", businessUnit: "Old unit" }), "BAD_REQUEST");
    // Editing the case while it keeps its archived values works: only a value being chosen is checked.
    const edited = await agent.cases.update({ id: old.id, version: old.version, title: "Still Legacy", category: "Legacy", businessUnit: "Old unit" });
    expect(edited).toMatchObject({ title: "Still Legacy", category: "Legacy", businessUnit: "Old unit" });
    await expect(agent.cases.update({ id: old.id, version: edited.version, category: "Legacy", businessUnit: "Retail" })).resolves.toMatchObject({ category: "Legacy", businessUnit: "Retail" });
    const other = await agent.cases.create({ title: "Billing one", category: "Billing" });
    await expectAppError(agent.cases.update({ id: other.id, version: other.version, category: "Legacy" }), "BAD_REQUEST");
    // The list can still be filtered by it.
    const listed = await agent.cases.list({ category: ["Legacy"] });
    expect(listed.items.map((c) => c.id)).toEqual([old.id]);

    // Restoring puts it back in use.
    await admin.tenant.updateSettings({ caseCategories: ["Billing", "Legacy"], archivedCaseCategories: [] });
    await expect(agent.cases.create({ title: "Legacy again", category: "Legacy" })).resolves.toMatchObject({ category: "Legacy" });
  });
});

describe("tenant.renameChoice", () => {
  it("renames a business unit on cases, teams, alerts, rules, feed audiences and saved views, in this tenant only", async () => {
    const [tenant, other] = await Promise.all([createTestTenant("rename-unit"), createTestTenant("rename-unit-other")]);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const otherAdmin = await callerFor(other.users.ADMIN, other.slug);
    for (const caller of [admin, otherAdmin]) await caller.tenant.updateSettings({ businessUnits: ["Retail", "Wholesale"] });

    const kase = await agent.cases.create({ title: "Retail case", businessUnit: "Retail" });
    const untouched = await agent.cases.create({ title: "Wholesale case", businessUnit: "Wholesale" });
    const theirs = await otherAdmin.cases.create({ title: "Their retail case", businessUnit: "Retail" });
    const team = await admin.teams.create({ name: "Shop floor", businessUnit: "Retail", memberIds: [tenant.users.AGENT.id] });
    const { alert } = await agent.alerts.create({ title: "Tills down", businessUnit: "Retail" });
    const rule = await admin.alertRules.create({ name: "Retail spike", kind: "VOLUME_SPIKE", params: { scope: { businessUnit: "Retail" } }, businessUnit: "Retail" });
    const backlog = await admin.alertRules.create({ name: "Retail backlog", kind: "BACKLOG", params: { threshold: 5, businessUnit: "Retail" } });
    const item = await admin.feed.create({ title: "For the shop", audienceKind: "BUSINESS_UNIT", audienceValue: "Retail" });
    const view = await agent.views.create({ name: "Retail and wholesale", filters: { businessUnit: ["Retail", "Wholesale"], notBusinessUnit: ["Retail"] } });

    const result = await admin.tenant.renameChoice({ list: "businessUnits", from: "Retail", to: "Stores" });
    expect(result).toMatchObject({ cases: 1, settings: { businessUnits: ["Stores", "Wholesale"] } });

    expect(await agent.cases.get({ id: kase.id })).toMatchObject({ businessUnit: "Stores", version: kase.version });
    expect(await agent.cases.get({ id: untouched.id })).toMatchObject({ businessUnit: "Wholesale" });
    expect((await admin.teams.list()).find((t) => t.id === team.id)).toMatchObject({ businessUnit: "Stores" });
    expect(await agent.alerts.get({ id: alert.id })).toMatchObject({ businessUnit: "Stores" });
    const rules = await admin.alertRules.list();
    expect(rules.find((r) => r.id === rule.id)).toMatchObject({ businessUnit: "Stores", params: { scope: { businessUnit: "Stores" } } });
    expect(rules.find((r) => r.id === backlog.id)).toMatchObject({ params: { businessUnit: "Stores" } });
    expect((await admin.feed.list({ audienceKind: "BUSINESS_UNIT" })).items.find((i) => i.id === item.id)).toMatchObject({ audienceValue: "Stores" });
    expect((await agent.views.list()).find((v) => v.id === view.id)?.filters).toMatchObject({ businessUnit: ["Stores", "Wholesale"], notBusinessUnit: ["Stores"] });

    // The other tenant's Retail is its own.
    expect(await otherAdmin.cases.get({ id: theirs.id })).toMatchObject({ businessUnit: "Retail" });
    await expect(otherAdmin.tenant.current()).resolves.toMatchObject({ settings: { businessUnits: ["Retail", "Wholesale"] } });

    const [event] = await withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId: tenant.id, action: "tenant.choice_renamed" } }));
    expect(event!.diff).toEqual({
      businessUnits: { from: ["Retail", "Wholesale"], to: ["Stores", "Wholesale"] },
      renamed: { from: "Retail", to: "Stores" },
      cases: 1,
    });
  });

  it("renames a category in place or in the archive, and only a change of case may reuse a name", async () => {
    const tenant = await createTestTenant("rename-cat");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.tenant.updateSettings({ caseCategories: ["Billing", "Bug", "Question"], archivedCaseCategories: ["Legacy"] });
    const kase = await admin.cases.create({ title: "Invoice", category: "Billing" });

    await expect(admin.tenant.renameChoice({ list: "caseCategories", from: "Billing", to: "Invoices" })).resolves.toMatchObject({
      cases: 1,
      settings: { caseCategories: ["Invoices", "Bug", "Question"] },
    });
    expect(await admin.cases.get({ id: kase.id })).toMatchObject({ category: "Invoices" });
    await expect(admin.tenant.renameChoice({ list: "caseCategories", from: "Legacy", to: "Old" })).resolves.toMatchObject({
      settings: { caseCategories: ["Invoices", "Bug", "Question"], archivedCaseCategories: ["Old"] },
    });
    await expect(admin.tenant.renameChoice({ list: "caseCategories", from: "Bug", to: "BUG" })).resolves.toMatchObject({ settings: { caseCategories: ["Invoices", "BUG", "Question"] } });

    for (const to of ["question", "old"]) {
      const clash = await expectAppError(admin.tenant.renameChoice({ list: "caseCategories", from: "Invoices", to }), "BAD_REQUEST");
      expect(clash.details?.fieldErrors).toEqual({ to: [expect.stringContaining("already in the list")] });
    }
    const missing = await expectAppError(admin.tenant.renameChoice({ list: "caseCategories", from: "Nope", to: "Yes" }), "BAD_REQUEST");
    expect(missing.details?.fieldErrors).toEqual({ from: [expect.any(String)] });
    const blank = await expectAppError(admin.tenant.renameChoice({ list: "caseCategories", from: "Invoices", to: "   " }), "BAD_REQUEST");
    expect(Object.keys(blank.details?.fieldErrors ?? {})).toEqual(["to"]);
    // Nothing changed by the refusals.
    expect(await admin.cases.get({ id: kase.id })).toMatchObject({ category: "Invoices" });
  });

  it("is refused to agents, viewers and keys without settings:manage", async () => {
    const tenant = await createTestTenant("rename-perm");
    for (const role of ["AGENT", "VIEWER"] as const) {
      await expectAppError((await callerFor(tenant.users[role], tenant.slug)).tenant.renameChoice({ list: "caseCategories", from: "Question", to: "Ask" }), "FORBIDDEN", "PERMISSION_DENIED");
    }
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    await expectAppError((await apiKeyCaller(key)).tenant.renameChoice({ list: "caseCategories", from: "Question", to: "Ask" }), "FORBIDDEN", "PERMISSION_DENIED");
    await expect((await callerFor(tenant.users.ADMIN, tenant.slug)).tenant.current()).resolves.toMatchObject({ settings: { caseCategories: ["Question", "Problem", "Incident", "Request"] } });
  });
});

describe("renameInJson", () => {
  it("replaces the value under the named keys only, in strings and lists, at any depth", () => {
    const keys = new Set(["category", "notCategory"]);
    expect(
      renameInJson({ category: ["A", "B"], notCategory: "A", title: "A", scope: { category: "A", tag: "A" }, list: [{ category: "A" }] }, keys, "A", "Z"),
    ).toEqual({ category: ["Z", "B"], notCategory: "Z", title: "A", scope: { category: "Z", tag: "A" }, list: [{ category: "Z" }] });
    expect(renameInJson(null, keys, "A", "Z")).toBeNull();
    expect(renameInJson({ category: 3 }, keys, "A", "Z")).toEqual({ category: 3 });
  });
});
