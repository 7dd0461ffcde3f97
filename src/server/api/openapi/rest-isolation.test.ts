// Tenancy and roles on the REST surface, over every operation of its OpenAPI document (so a new
// route is covered the day it is added): tenant B's ids through tenant A's key are NOT_FOUND, and
// a VIEWER key is FORBIDDEN exactly where the permission matrix says so.
import { beforeAll, describe, expect, it } from "vitest";
import { permissionsFor } from "@/server/auth/permissions";
import { createTestApiKey } from "@/test/factories";
import { createIsolationFixture, type Fixture } from "@/test/isolation/fixture";
import { encodeQueryValue, expectErrorShape, queryString, rest, restOperations, sampleValue, type Operation, type Sampler } from "./rest-test-kit";

let fx: Fixture;
let viewerKey: string;
const { operations, resolve } = restOperations();

beforeAll(async () => {
  fx = await createIsolationFixture();
  viewerKey = await createTestApiKey(fx.a, { role: "VIEWER" });
});

/** Tenant B's row for each resource a path can name. */
function bId(op: Operation, param: string): string {
  const byResource: Record<string, string> = {
    cases: param === "targetId" ? fx.bCases[1]!.id : fx.bCases[0]!.id,
    customers: fx.bRows.customerId,
    views: fx.bRows.viewId,
    "canned-responses": fx.bRows.cannedResponseId,
    macros: fx.bRows.macroId,
    members: fx.b.users.AGENT.id,
    "api-keys": fx.bKeyId,
    jobs: fx.bJobId,
    invitations: fx.bInvitationId,
    imports: fx.bImportId,
    "escalation-rules": fx.bEscalation.ruleId,
    teams: fx.bEscalation.teamId,
    alerts: fx.bAlerts.alertId,
    "alert-rules": fx.bAlerts.ruleId,
    feed: fx.bFeedItemId,
    ai: fx.bAgentRunId,
    // B's trending topic, by its term (a path segment, so encoded).
    insights: encodeURIComponent("bravo outag"),
  };
  const id = byResource[op.path.split("/")[1]!];
  if (!id) throw new Error(`no row of B for ${op.method} ${op.path}: add one to the fixture`);
  return id;
}

/** A's own row for each resource, for calls that must get past "not found". */
function aId(op: Operation): string {
  return op.path.startsWith("/members") ? fx.a.users.AGENT.id : fx.aCases[0]!.id;
}

/** The operation's call with a documented body; ids in the body name B's rows too. */
function callOf(op: Operation, key: string, id: (param: string) => string) {
  const sampler: Sampler = {
    resolve,
    uuid: (name) => (name === "sourceId" ? fx.bCases[2]!.id : name === "customerId" ? fx.bRows.customerId : fx.bCases[0]!.id),
    word: () => "isolation",
  };
  // Required query parameters too (a case to render a response for): B's rows as well.
  const query = op.query.filter((q) => q.required).flatMap((q) => encodeQueryValue(q.name, sampleValue(q.schema, sampler, q.name)));
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => id(name)) + queryString(query);
  // POST and PATCH take JSON even when the procedure needs nothing beyond the path.
  const body = op.body ? sampleValue(op.body, sampler) : op.method === "POST" || op.method === "PATCH" ? {} : undefined;
  return rest({ method: op.method, url, key, body: body === undefined ? undefined : { json: body } });
}

const withPathId = operations.filter((op) => op.pathParams.length > 0);

describe("another tenant's ids through this tenant's key", () => {
  it("covers every operation with an id in its path", () => {
    expect(withPathId.length).toBeGreaterThan(20);
  });

  it.each(withPathId.map((op) => [`${op.method} ${op.path}`, op] as const))("%s → NOT_FOUND", async (_, op) => {
    const result = await callOf(op, fx.aKey, (param) => bId(op, param));
    expect(result.status, JSON.stringify(result.body)).toBe(404);
    expectErrorShape(result, "NOT_FOUND");
  });
});

/**
 * Operations the matrix allows a viewer, whose procedure refuses an API key with a viewer's role
 * for a finer reason (and tests elsewhere pin that rule).
 */
const REFUSED_BY_PROCEDURE: Record<string, string> = {
  "POST /views": "an API key's view is shared with the team, and sharing needs cases:write",
};

describe("a VIEWER key", () => {
  const viewer = permissionsFor("VIEWER");
  const refused = operations.filter((op) => !viewer.has(op.meta.permission!));
  const allowed = operations.filter((op) => viewer.has(op.meta.permission!) && !REFUSED_BY_PROCEDURE[`${op.method} ${op.path}`]);

  it("finds both kinds of operation, each declaring its permission", () => {
    expect(operations.every((op) => op.meta.permission)).toBe(true);
    expect(refused.length).toBeGreaterThan(15);
    expect(allowed.length).toBeGreaterThan(10);
  });

  it.each(refused.map((op) => [`${op.method} ${op.path} (${op.meta.permission})`, op] as const))("%s → FORBIDDEN", async (_, op) => {
    const result = await callOf(op, viewerKey, () => aId(op));
    expect(result.status, JSON.stringify(result.body)).toBe(403);
    expectErrorShape(result, "FORBIDDEN");
    expect((result.body as { details?: { reason?: string } }).details?.reason).toBe("PERMISSION_DENIED");
  });

  it.each(allowed.map((op) => [`${op.method} ${op.path} (${op.meta.permission})`, op] as const))("%s → not refused by role", async (_, op) => {
    const result = await callOf(op, viewerKey, () => aId(op));
    expect((result.body as { details?: { reason?: string } } | null)?.details?.reason, JSON.stringify(result.body)).not.toBe("PERMISSION_DENIED");
  });

  it("may not add or remove someone else as a follower (cases:write), though following is cases:read", async () => {
    for (const action of ["follow", "unfollow"]) {
      const result = await rest({ method: "POST", url: `/cases/${fx.aCases[0]!.id}/${action}`, key: viewerKey, body: { json: { userId: fx.a.users.AGENT.id } } });
      expect(result.status).toBe(403);
      expectErrorShape(result, "FORBIDDEN");
    }
  });
});
