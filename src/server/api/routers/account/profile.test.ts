// A member's own time zone: the one rule for showing times is theirs if chosen, else the
// organisation's; it is theirs alone (other members, API keys and working hours keep the
// organisation's) and only a signed-in person has one.
import { describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant } from "@/test/factories";

describe("account.profile and account.updateProfile", () => {
  it("sets the member's own zone, which tenant.current and the audit log show times in; null goes back", async () => {
    const tenant = await createTestTenant("profile-tz");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await admin.tenant.updateSettings({ timeZone: "Europe/Amsterdam" });
    await expect(admin.account.profile()).resolves.toEqual({ name: tenant.users.ADMIN.name, email: tenant.users.ADMIN.email, timeZone: null });
    await expect(admin.tenant.current()).resolves.toMatchObject({ displayTimeZone: "Europe/Amsterdam" });

    await expect(admin.account.updateProfile({ timeZone: "Asia/Tokyo" })).resolves.toMatchObject({ timeZone: "Asia/Tokyo" });
    await expect(admin.tenant.current()).resolves.toMatchObject({ displayTimeZone: "Asia/Tokyo", settings: { timeZone: "Europe/Amsterdam" } });
    // Another member, and a key, still read the organisation's zone.
    await expect(agent.tenant.current()).resolves.toMatchObject({ displayTimeZone: "Europe/Amsterdam" });
    const key = await createTestApiKey(tenant, { role: "ADMIN" });
    await expect((await apiKeyCaller(key)).tenant.current()).resolves.toMatchObject({ displayTimeZone: "Europe/Amsterdam" });

    // The audit log writes dates in words, in the reader's zone.
    await admin.feed.create({ title: "New year", expiresAt: new Date("2030-01-01T00:00:00Z") });
    const expiresAt = async (caller: typeof admin) => {
      const page = await caller.audit.list({ action: "feed_item.created" });
      return page.items[0]!.changes.find((c) => c.field === "expiresAt")?.after;
    };
    expect(await expiresAt(admin)).toBe("Jan 1, 2030, 9:00 AM");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    expect(await expiresAt(owner)).toBe("Jan 1, 2030, 1:00 AM");

    await expect(admin.account.updateProfile({ timeZone: null })).resolves.toMatchObject({ timeZone: null });
    await expect(admin.tenant.current()).resolves.toMatchObject({ displayTimeZone: "Europe/Amsterdam" });
  });

  it("refuses an unknown zone as a field error, and API keys, which have no profile", async () => {
    const tenant = await createTestTenant("profile-bad");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const error = await expectAppError(agent.account.updateProfile({ timeZone: "Mars/Olympus" }), "BAD_REQUEST");
    expect(error.details?.fieldErrors).toEqual({ timeZone: ["Unknown time zone"] });
    await expect(agent.account.profile()).resolves.toMatchObject({ timeZone: null });

    const key = await createTestApiKey(tenant, { role: "OWNER" });
    const viaKey = await apiKeyCaller(key);
    await expectAppError(viaKey.account.profile(), "FORBIDDEN", "USER_REQUIRED");
    await expectAppError(viaKey.account.updateProfile({ timeZone: "UTC" }), "FORBIDDEN", "USER_REQUIRED");
    await expectAppError((await callerFor(null)).account.profile(), "UNAUTHORIZED");
  });
});
