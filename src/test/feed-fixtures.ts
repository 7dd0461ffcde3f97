// Feed items made the privileged way, for tests that attack them from another tenant or need one
// in a given state (expired, for a team, the system's) without going through the procedures.
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { TestTenant } from "./factories";

export async function createTestFeedItem(tenant: TestTenant, data: Partial<Omit<Prisma.FeedItemUncheckedCreateInput, "tenantId">> = {}): Promise<string> {
  return withPrivilegedDb("test fixture", async (db) => {
    const item = await db.feedItem.create({ data: { tenantId: tenant.id, title: "Fixture announcement", ...data }, select: { id: true } });
    return item.id;
  });
}
