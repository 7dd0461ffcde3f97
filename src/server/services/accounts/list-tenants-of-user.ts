import { withPrivilegedDb } from "@/server/db/privileged-db";

/** The tenants a user belongs to, for the tenant switcher and the post-sign-in redirect. */
export function listTenantsOfUser(userId: string) {
  return withPrivilegedDb("list tenants of user", async (db) => {
    const rows = await db.membership.findMany({
      where: { userId },
      select: { role: true, tenant: { select: { slug: true, name: true, status: true } } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((r) => ({ slug: r.tenant.slug, name: r.tenant.name, status: r.tenant.status, role: r.role }));
  });
}
