import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/server/auth/options";
import { toAppError } from "@/server/errors/to-app-error";
import { redirectedPath, resolveSlugRedirect } from "@/server/services/tenants/resolve-slug-redirect";
import { api } from "@/trpc/server";

export type TenantView =
  | { state: "active"; tenant: Awaited<ReturnType<typeof api.tenant.current>> }
  | { state: "suspended"; message: string }
  | { state: "deletion-scheduled"; message: string; deletionScheduledFor: string; canCancel: boolean };

/** A renamed tenant's old slug: members are sent to the same page under the new slug. */
async function redirectFromOldSlug(slug: string): Promise<void> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return;
  const newSlug = await resolveSlugRedirect(session.user.id, slug);
  if (newSlug) redirect(redirectedPath((await headers()).get("x-caseboard-path"), slug, newSlug));
}

/** The tenant of this page, checked on the server; non-members get the not-found page. */
export const loadTenant = cache(async (slug: string): Promise<TenantView> => {
  try {
    return { state: "active", tenant: await api.tenant.current() };
  } catch (error) {
    const appError = toAppError(error);
    const details = appError.details ?? {};
    if (appError.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}`)}`);
    if (details.reason === "TENANT_SUSPENDED") return { state: "suspended", message: appError.message };
    if (details.reason === "TENANT_DELETION_SCHEDULED") {
      return {
        state: "deletion-scheduled",
        message: appError.message,
        deletionScheduledFor: String(details.deletionScheduledFor),
        canCancel: details.canCancel === true,
      };
    }
    if (appError.code === "NOT_FOUND") await redirectFromOldSlug(slug);
    if (appError.code === "NOT_FOUND" || appError.code === "FORBIDDEN" || appError.code === "BAD_REQUEST") notFound();
    throw error;
  }
});

/**
 * Runs a server-side procedure call, turning NOT_FOUND (and unparsable ids) into the 404 page and
 * a permission the member's role lacks into the 403 page (the tenant itself was checked by
 * loadTenant in the layout).
 */
export async function orNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "NOT_FOUND" || appError.code === "BAD_REQUEST") notFound();
    if (appError.code === "FORBIDDEN" && appError.details?.reason === "PERMISSION_DENIED") forbidden();
    throw error;
  }
}
