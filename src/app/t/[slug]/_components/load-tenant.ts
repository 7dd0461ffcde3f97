import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { toAppError } from "@/server/errors/to-app-error";
import { api } from "@/trpc/server";

export type TenantView =
  | { state: "active"; tenant: Awaited<ReturnType<typeof api.tenant.current>> }
  | { state: "suspended"; message: string };

/** The tenant of this page, checked on the server; non-members get the not-found page. */
export const loadTenant = cache(async (slug: string): Promise<TenantView> => {
  try {
    return { state: "active", tenant: await api.tenant.current() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}`)}`);
    if (appError.details?.reason === "TENANT_SUSPENDED") return { state: "suspended", message: appError.message };
    if (appError.code === "NOT_FOUND" || appError.code === "FORBIDDEN" || appError.code === "BAD_REQUEST") notFound();
    throw error;
  }
});

/** Runs a server-side procedure call, turning NOT_FOUND (and unparsable ids) into the 404 page. */
export async function orNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = toAppError(error).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}
