// Every tenant procedure, called as every role: refused with PERMISSION_DENIED exactly when the
// role lacks the permission the procedure declares. The permission check runs before input
// parsing, so no valid input is needed to prove the refusal — and a role that holds the
// permission gets past it (to a validation error, a not-found, or a result).
import { beforeAll, describe, expect, it } from "vitest";
import type { ProcedureMeta } from "@/server/api/trpc";
import { appRouter } from "@/server/api/root";
import { toAppError } from "@/server/errors/to-app-error";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { callProcedure, tenantProcedurePaths } from "@/test/procedures";
import { PERMISSIONS, permissionsFor, ROLE_PERMISSIONS, ROLE_RANK } from "./permissions";

const ROLES = ["OWNER", "ADMIN", "AGENT", "VIEWER"] as const;
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTestTenant("perm");
});

describe("permission matrix", () => {
  it("every tenant procedure declares a known permission", () => {
    for (const path of tenantProcedurePaths()) {
      const permission = procedures[path]!._def.meta?.permission;
      expect(permission, path).toBeDefined();
      expect([...ROLE_PERMISSIONS.OWNER], path).toContain(permission);
    }
  });

  it("grants each role exactly its permissions", () => {
    // Written out by hand: a permission added to or dropped from a role must show up here.
    const expected = {
      VIEWER: ["tenant:read", "cases:read", "customers:read", "members:read", "alerts:read", "feed:read"],
      AGENT: [
        "tenant:read", "cases:read", "customers:read", "members:read", "alerts:read", "feed:read", "cases:write", "customers:write", "pii:read", "exports:create",
        "alerts:manage",
      ],
      ADMIN: [
        "tenant:read", "cases:read", "customers:read", "members:read", "alerts:read", "feed:read", "cases:write", "customers:write", "pii:read", "exports:create",
        "alerts:manage", "members:manage", "settings:manage", "api-keys:manage", "audit:read", "imports:create", "jobs:manage", "feed:manage",
      ],
      OWNER: [
        "tenant:read", "cases:read", "customers:read", "members:read", "alerts:read", "feed:read", "cases:write", "customers:write", "pii:read", "exports:create",
        "alerts:manage", "members:manage", "settings:manage", "api-keys:manage", "audit:read", "imports:create", "jobs:manage", "feed:manage", "tenant:delete",
      ],
    };
    for (const role of ROLES) {
      expect([...ROLE_PERMISSIONS[role]].sort(), role).toEqual([...expected[role]].sort());
      expect(permissionsFor(role), role).toBe(ROLE_PERMISSIONS[role]);
    }
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it("PERMISSIONS names every permission once, and only the owner holds all of them", () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect([...PERMISSIONS].sort()).toEqual([...ROLE_PERMISSIONS.OWNER].sort());
    expect(PERMISSIONS).toEqual([
      "tenant:read", "cases:read", "cases:write", "customers:read", "customers:write", "pii:read", "members:read", "members:manage",
      "settings:manage", "api-keys:manage", "audit:read", "exports:create", "imports:create", "jobs:manage", "tenant:delete",
      "alerts:read", "alerts:manage", "feed:read", "feed:manage",
    ]);
  });

  it("ranks roles OWNER > ADMIN > AGENT > VIEWER", () => {
    expect(ROLE_RANK).toEqual({ OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 });
  });

  it("roles are nested: each holds every permission of the roles below it", () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const permission of ROLE_PERMISSIONS[ROLES[i]!]) expect(ROLE_PERMISSIONS[ROLES[i - 1]!].has(permission)).toBe(true);
    }
  });

  it.each(ROLES)("as %s, each procedure is refused exactly when the role lacks its permission", async (role) => {
    const caller = await callerFor(tenant.users[role], tenant.slug);
    const outcomes: string[] = [];
    for (const path of tenantProcedurePaths()) {
      const permission = procedures[path]!._def.meta!.permission!;
      const allowed = ROLE_PERMISSIONS[role].has(permission);
      const error = await callProcedure(caller, path, undefined).then(
        () => null,
        (e: unknown) => toAppError(e),
      );
      const denied = error?.details?.reason === "PERMISSION_DENIED";
      outcomes.push(`${path} (${permission}): ${denied ? "denied" : "allowed"}`);
      expect(denied, `${role} → ${path} needs ${permission}`).toBe(!allowed);
    }
    expect(outcomes.length).toBe(tenantProcedurePaths().length);
  });
});
