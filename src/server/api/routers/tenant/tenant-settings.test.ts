import { describe, expect, it } from "vitest";
import { aiSettingsSchema, trendingSettingsSchema } from "@/lib/validations/tenant-settings";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { redirectedPath, resolveSlugRedirect } from "@/server/services/tenants/resolve-slug-redirect";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant } from "@/test/factories";

const redirectsOf = (tenantId: string) =>
  withPrivilegedDb("test check", (db) => db.tenantSlugRedirect.findMany({ where: { tenantId }, select: { slug: true } }).then((r) => r.map((x) => x.slug).sort()));

const auditOf = (tenantId: string, action: string) =>
  withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId, action }, orderBy: { seq: "asc" } }));

describe("tenant.update", () => {
  it("renames, leaves a redirect from the old slug for members only, and audits the diff", async () => {
    const tenant = await createTestTenant("rename");
    const oldSlug = tenant.slug;
    const newSlug = `${oldSlug}-new`;
    const owner = await callerFor(tenant.users.OWNER, oldSlug);
    await expect(owner.tenant.update({ name: "Renamed Org", slug: newSlug })).resolves.toEqual({ id: tenant.id, name: "Renamed Org", slug: newSlug });

    expect(await redirectsOf(tenant.id)).toEqual([oldSlug]);
    // The old slug names no tenant any more: calls under it are NOT_FOUND, the new one works.
    await expectAppError((await callerFor(tenant.users.OWNER, oldSlug)).tenant.current(), "NOT_FOUND");
    await expect((await callerFor(tenant.users.VIEWER, newSlug)).tenant.current()).resolves.toMatchObject({ name: "Renamed Org" });
    expect(await resolveSlugRedirect(tenant.users.VIEWER.id, oldSlug)).toBe(newSlug);
    const outsider = await createTestTenant("rename-outsider");
    expect(await resolveSlugRedirect(outsider.users.OWNER.id, oldSlug)).toBeNull();

    const [event] = await auditOf(tenant.id, "tenant.updated");
    expect(event).toMatchObject({ actorType: "user", actorId: tenant.users.OWNER.id });
    expect(event!.diff).toEqual({ name: { from: `Tenant ${oldSlug}`, to: "Renamed Org" }, slug: { from: oldSlug, to: newSlug } });
  });

  it("renaming back to its own old slug removes that redirect", async () => {
    const tenant = await createTestTenant("back");
    const original = tenant.slug;
    await (await callerFor(tenant.users.ADMIN, original)).tenant.update({ name: "Back", slug: `${original}-b` });
    await (await callerFor(tenant.users.ADMIN, `${original}-b`)).tenant.update({ name: "Back", slug: original });
    expect(await redirectsOf(tenant.id)).toEqual([`${original}-b`]);
    await expect((await callerFor(tenant.users.ADMIN, original)).tenant.current()).resolves.toMatchObject({ slug: original });
  });

  it("refuses a slug another tenant uses now or redirects from, as a field error, changing nothing", async () => {
    const [a, b] = await Promise.all([createTestTenant("uniq-a"), createTestTenant("uniq-b")]);
    const bOld = b.slug;
    await (await callerFor(b.users.OWNER, bOld)).tenant.update({ name: "Bee", slug: `${bOld}-moved` });
    const owner = await callerFor(a.users.OWNER, a.slug);
    for (const taken of [`${bOld}-moved`, bOld]) {
      const error = await expectAppError(owner.tenant.update({ name: "Aye", slug: taken }), "CONFLICT");
      expect(error.details?.fieldErrors).toEqual({ slug: [expect.stringContaining("taken")] });
    }
    await expect(owner.tenant.current()).resolves.toMatchObject({ slug: a.slug });
    expect(await redirectsOf(a.id)).toEqual([]);
    expect(await redirectsOf(b.id)).toEqual([bOld]);
  });

  it("validates name and slug as field errors, and needs settings:manage", async () => {
    const tenant = await createTestTenant("val");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const error = await expectAppError(owner.tenant.update({ name: "x", slug: "Not A Slug!" }), "BAD_REQUEST");
    expect(Object.keys(error.details?.fieldErrors ?? {}).sort()).toEqual(["name", "slug"]);
    await expectAppError(owner.tenant.update({ name: "Fine", slug: "admin" }), "BAD_REQUEST");
    await expectAppError((await callerFor(tenant.users.AGENT, tenant.slug)).tenant.update({ name: "Agent", slug: tenant.slug }), "FORBIDDEN", "PERMISSION_DENIED");
  });
});

describe("tenant.updateSettings", () => {
  it("saves every setting, de-duplicates lists, audits only what changed", async () => {
    const tenant = await createTestTenant("settings");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const saved = await admin.tenant.updateSettings({
      timeZone: "Europe/Amsterdam",
      workingHours: { days: [5, 1, 2, 2], start: "08:30", end: "17:30" },
      businessUnits: ["Retail", "retail", "Wholesale"],
      caseCategories: ["Billing", "Bug"],
      escalationLevels: ["Tier 2", "tier 2", "Management", "Legal"],
      defaultAssigneeId: tenant.users.AGENT.id,
      attachmentMaxMb: 25,
    });
    expect(saved).toEqual({
      ai: aiSettingsSchema.parse({}),
      trending: trendingSettingsSchema.parse({}),
      textLanguage: "english",
      timeZone: "Europe/Amsterdam",
      workingHours: { days: [1, 2, 5], start: "08:30", end: "17:30" },
      businessUnits: ["Retail", "Wholesale"],
      caseCategories: ["Billing", "Bug"],
      archivedBusinessUnits: [],
      archivedCaseCategories: [],
      escalationLevels: ["Tier 2", "Management", "Legal"],
      defaultAssigneeId: tenant.users.AGENT.id,
      attachmentMaxMb: 25,
    });
    await expect(admin.tenant.current()).resolves.toMatchObject({ settings: saved });
    const [event] = await auditOf(tenant.id, "tenant.settings_updated");
    expect(Object.keys(event!.diff as object).sort()).toEqual(["attachmentMaxMb", "businessUnits", "caseCategories", "defaultAssigneeId", "escalationLevels", "timeZone", "workingHours"]);
    await admin.tenant.updateSettings({ ...saved, timeZone: "UTC" });
    const events = await auditOf(tenant.id, "tenant.settings_updated");
    expect(events[1]!.diff).toEqual({ timeZone: { from: "Europe/Amsterdam", to: "UTC" } });
  });

  it("patches the trending settings field by field, and refuses a score out of range by path", async () => {
    const tenant = await createTestTenant("settings-trending");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    expect((await admin.tenant.updateSettings({ trending: { alertScore: 9 } })).trending).toEqual({ minCases: 3, feedScore: 6, alertScore: 9 });
    expect((await admin.tenant.updateSettings({ trending: { feedScore: null } })).trending).toEqual({ minCases: 3, feedScore: null, alertScore: 9 });
    const error = await expectAppError(admin.tenant.updateSettings({ trending: { minCases: 1 } }), "BAD_REQUEST");
    expect(error.details?.fieldErrors).toEqual({ "trending.minCases": ["Use at least 2 cases"] });
    await expectAppError((await callerFor(tenant.users.AGENT, tenant.slug)).tenant.updateSettings({ trending: { alertScore: 1 } }), "FORBIDDEN");
  });

  it("returns validation errors as field errors, keyed by path", async () => {
    const tenant = await createTestTenant("settings-bad");
    const outsider = await createTestTenant("settings-outsider");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const error = await expectAppError(
      owner.tenant.updateSettings({ timeZone: "Mars/Olympus", workingHours: { days: [1], start: "18:00", end: "09:00" }, businessUnits: [""] }),
      "BAD_REQUEST",
    );
    expect(error.details?.fieldErrors).toMatchObject({
      timeZone: ["Unknown time zone"],
      "workingHours.end": ["End must be after start"],
      "businessUnits.0": [expect.any(String)],
    });
    // Another tenant's user, or a viewer, cannot be the default assignee.
    for (const id of [outsider.users.AGENT.id, tenant.users.VIEWER.id]) {
      const refused = await expectAppError(owner.tenant.updateSettings({ defaultAssigneeId: id }), "BAD_REQUEST");
      expect(refused.details?.fieldErrors).toEqual({ defaultAssigneeId: ["Choose a member who can work cases"] });
    }
    await expect(owner.tenant.current()).resolves.toMatchObject({ settings: { timeZone: "UTC", defaultAssigneeId: null } });
  });

  it("is refused to agents, viewers and keys without settings:manage", async () => {
    const tenant = await createTestTenant("settings-perm");
    for (const role of ["AGENT", "VIEWER"] as const) {
      await expectAppError((await callerFor(tenant.users[role], tenant.slug)).tenant.updateSettings({}), "FORBIDDEN", "PERMISSION_DENIED");
    }
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    await expectAppError((await apiKeyCaller(key)).tenant.updateSettings({}), "FORBIDDEN", "PERMISSION_DENIED");
  });
});

describe("redirectedPath", () => {
  it("keeps the rest of the path and query, and never leaves the site", () => {
    expect(redirectedPath("/t/old/cases/12?tab=notes", "old", "new")).toBe("/t/new/cases/12?tab=notes");
    expect(redirectedPath("/t/old", "old", "new")).toBe("/t/new");
    expect(redirectedPath("/t/old//evil.example", "old", "new")).toBe("/t/new");
    expect(redirectedPath("/elsewhere", "old", "new")).toBe("/t/new");
    expect(redirectedPath(null, "old", "new")).toBe("/t/new");
  });
});
