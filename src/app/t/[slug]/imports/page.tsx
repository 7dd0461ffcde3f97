import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { env } from "@/env";
import { ImportsWorkspace } from "@/components/imports/imports-workspace";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  // The procedures check imports:create again; the page only avoids showing a form that would be refused.
  if (view.state !== "active") notFound();
  if (!view.tenant.permissions.includes("imports:create")) forbidden();
  await prefetch(trpc.imports.list.queryOptions({ limit: 50 }));
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Imports</h1>
      <p className="mt-1 text-sm text-slate-500">
        Bring cases or customers in from a CSV file. Importing the same file again adds nothing; rows that cannot be imported are listed in a file of
        their own.
      </p>
      <HydrateClient>
        <ImportsWorkspace slug={slug} maxBytes={env.IMPORT_MAX_BYTES} />
      </HydrateClient>
    </div>
  );
}
