// The tenant scope outside and inside a tenant transaction: what reads it gets, and the errors
// that name who asked for it outside one.
import { describe, expect, it } from "vitest";
import { currentTenantId, requireTenantId, requireTenantScope, tenantKey, tenantScope } from "./tenant-scope";

const TENANT = "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f50";
const ROW = "0194f2b4-0c3e-7a4b-9a55-3f1c2d3e4f51";

describe("tenant scope", () => {
  it("is empty outside a tenant transaction, and each accessor that needs it says who asked", () => {
    expect(currentTenantId()).toBeUndefined();
    expect(() => requireTenantScope("the realtime log")).toThrow("the realtime log called outside a tenant transaction");
    expect(() => requireTenantId()).toThrow("requireTenantId called outside a tenant transaction");
    expect(() => tenantKey(ROW)).toThrow("requireTenantId called outside a tenant transaction");
  });

  it("inside one, gives its tenant, its hooks, and the (tenant, id) key of a row", () => {
    const scope = { tenantId: TENANT, beforeCommit: [], afterCommit: [] };
    tenantScope.run(scope, () => {
      expect(currentTenantId()).toBe(TENANT);
      expect(requireTenantScope("a test")).toBe(scope);
      expect(requireTenantId()).toBe(TENANT);
      expect(tenantKey(ROW)).toEqual({ tenantId_id: { tenantId: TENANT, id: ROW } });
    });
  });
});
