// Old addresses: after a rename, /t/<old>/… should land on /t/<new>/…. Only members learn the new
// address; for anyone else an old slug looks like any unknown one (not found).
import { withPrivilegedDb } from "@/server/db/privileged-db";

export function resolveSlugRedirect(userId: string, oldSlug: string): Promise<string | null> {
  return withPrivilegedDb("resolve old tenant slug", async (db) => {
    const redirect = await db.tenantSlugRedirect.findUnique({ where: { slug: oldSlug }, select: { tenantId: true } });
    if (!redirect) return null;
    const membership = await db.membership.findFirst({
      where: { tenantId: redirect.tenantId, userId },
      select: { tenant: { select: { slug: true } } },
    });
    return membership?.tenant.slug ?? null;
  });
}

/** `/t/<old>/cases?x=1` → `/t/<new>/cases?x=1`; anything that is not under /t/<old> goes to the tenant root. */
export function redirectedPath(path: string | null, oldSlug: string, newSlug: string): string {
  const prefix = `/t/${oldSlug}`;
  const rest = path?.startsWith(prefix) ? path.slice(prefix.length) : "";
  // Only a path (or query) under the tenant: never a protocol-relative or absolute URL.
  const safeRest = /^(?:[/?#][^\s\\]*)?$/.test(rest) && !rest.startsWith("//") ? rest : "";
  return `/t/${newSlug}${safeRest}`;
}
