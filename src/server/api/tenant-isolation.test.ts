// The isolation matrix: every tenant-scoped procedure, attacked from tenant A with tenant B's ids,
// numbers and slug, by a user and by an API key. Each attack must fail as NOT_FOUND (or, for
// procedures without ids, return only A's rows) and leave everything B owns exactly as it was.
// A procedure added to the router without an entry (src/test/isolation/*-cases.ts) fails the
// coverage test below.
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError, rejectionOf } from "@/test/errors";
import { apiKeyCaller, callerFor } from "@/test/factories";
import { ADMINISTRATION_ISOLATION_CASES } from "@/test/isolation/administration-cases";
import { ALERT_ISOLATION_CASES } from "@/test/isolation/alert-cases";
import { ALERT_RULE_ISOLATION_CASES } from "@/test/isolation/alert-rule-cases";
import { ESCALATION_ISOLATION_CASES } from "@/test/isolation/escalation-cases";
import { FEED_ISOLATION_CASES } from "@/test/isolation/feed-cases";
import { createIsolationFixture, type Fixture, type IsolationCase } from "@/test/isolation/fixture";
import { SEARCH_ISOLATION_CASES } from "@/test/isolation/search-cases";
import { AI_ISOLATION_CASES } from "@/test/isolation/ai-cases";
import { INSIGHTS_ISOLATION_CASES } from "@/test/isolation/insights-cases";
import { TEAM_ISOLATION_CASES } from "@/test/isolation/team-cases";
import { WORKSPACE_ISOLATION_CASES } from "@/test/isolation/workspace-cases";
import { allProcedurePaths, callProcedure, platformAdminProcedurePaths, tenantProcedurePaths } from "@/test/procedures";
import { snapshotTenant } from "@/test/tenant-snapshot";

/** Keyed by procedure path. Every tenant procedure needs at least one entry. */
const ISOLATION_CASES: Record<string, IsolationCase[]> = { ...WORKSPACE_ISOLATION_CASES, ...ADMINISTRATION_ISOLATION_CASES, ...ESCALATION_ISOLATION_CASES, ...TEAM_ISOLATION_CASES, ...ALERT_ISOLATION_CASES, ...ALERT_RULE_ISOLATION_CASES, ...FEED_ISOLATION_CASES, ...SEARCH_ISOLATION_CASES, ...AI_ISOLATION_CASES, ...INSIGHTS_ISOLATION_CASES };

/** Procedures that are not tenant-scoped, each with the reason it may skip the tenant middleware. */
const NOT_TENANT_SCOPED: Record<string, string> = {
  "auth.signUp": "public: creates a new tenant for a new user",
  "tenant.mine": "lists the caller's own memberships; checked below",
  // Platform administration spans tenants by design; src/server/api/routers/admin/admin.test.ts
  // checks that every one of them refuses tenant members and API keys.
  ...Object.fromEntries(platformAdminProcedurePaths().map((path) => [path, "platform admin only (admin.test.ts)"])),
  "invitations.preview": "public: the token in the link names the invitation; tested in invitations.test.ts",
  "invitations.accept": "signed-in invitee, not yet a member: the token and the invited email decide",
  "invitations.signUp": "public: creates the invited account and joins through the token",
  "account.requestPasswordReset": "public: users are not tenant-owned",
  "account.resetPassword": "public: the reset token decides",
  "account.changePassword": "the signed-in user's own account",
  "account.profile": "the signed-in user's own profile",
  "account.updateProfile": "the signed-in user's own profile",
  "account.signOutEverywhere": "the signed-in user's own sessions",
};

const TENANT_PROCEDURES = tenantProcedurePaths();

let fx: Fixture;
beforeAll(async () => {
  fx = await createIsolationFixture();
});

describe("isolation matrix", () => {
  it("has an isolation case for every tenant procedure, and classifies every other procedure", () => {
    expect(TENANT_PROCEDURES.length).toBeGreaterThan(0);
    expect(Object.keys(ISOLATION_CASES).sort()).toEqual(TENANT_PROCEDURES);
    const others = allProcedurePaths().filter((path) => !TENANT_PROCEDURES.includes(path));
    expect(Object.keys(NOT_TENANT_SCOPED).sort()).toEqual(others);
  });

  describe.each(TENANT_PROCEDURES)("%s", (path) => {
    const cases = ISOLATION_CASES[path] ?? [];

    it.each(cases.map((c) => [c.name, c] as const))("%s — as A's member and as A's API key, B unchanged", async (_, c) => {
      const before = await snapshotTenant(fx.b.id);
      const asMember = await callerFor(fx.a.users.OWNER, fx.a.slug);
      // The key names no slug: it is bound to A by itself.
      const asKey = await apiKeyCaller(fx.aKey);
      for (const [actor, caller] of [["member", asMember], ["API key", asKey]] as const) {
        const call = callProcedure(caller, path, c.input(fx));
        if (actor === "API key" && c.asKey) {
          expect((await rejectionOf(call)).code).toBe(c.asKey);
        } else if (c.expect === "NOT_FOUND") {
          const error = await rejectionOf(call);
          expect(error.code, `${actor}: ${error.message}`).toBe("NOT_FOUND");
        } else {
          await c.expect(await call, fx);
        }
      }
      expect(await snapshotTenant(fx.b.id)).toEqual(before);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s — with B's slug: NOT_FOUND for A's member, A's key, B unchanged", async (_, c) => {
      const before = await snapshotTenant(fx.b.id);
      await expectAppError(callProcedure(await callerFor(fx.a.users.OWNER, fx.b.slug), path, c.input(fx)), "NOT_FOUND");
      await expectAppError(callProcedure(await apiKeyCaller(fx.aKey, fx.b.slug), path, c.input(fx)), "NOT_FOUND");
      expect(await snapshotTenant(fx.b.id)).toEqual(before);
    });
  });
});
