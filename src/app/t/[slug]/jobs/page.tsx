import type { Metadata } from "next";
import { JobsTable } from "@/components/jobs/jobs-table";
import { PastExports } from "@/components/jobs/past-exports";
import { JOBS_LIST_INPUT, PAST_EXPORTS_INPUT } from "@/components/jobs/queries";
import { zoneLabel } from "@/lib/format";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  const timeZone = view.state === "active" ? view.tenant.displayTimeZone : "UTC";
  const canExport = view.state === "active" && view.tenant.permissions.includes("exports:create");
  await Promise.all([
    prefetch(trpc.jobs.list.queryOptions(JOBS_LIST_INPUT)),
    canExport ? prefetch(trpc.imports.exports.queryOptions(PAST_EXPORTS_INPUT)) : null,
  ]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Jobs</h1>
      <p className="mt-1 text-sm text-slate-500">
        Background work of this organisation: bulk updates, imports, exports, maintenance. Times in {zoneLabel(timeZone)}.
      </p>
      <HydrateClient>
        {canExport ? <PastExports slug={slug} timeZone={timeZone} /> : null}
        <section aria-labelledby="all-jobs-heading" className="mt-8">
          <h2 id="all-jobs-heading" className="text-base font-semibold">All jobs</h2>
          <JobsTable slug={slug} timeZone={timeZone} />
        </section>
      </HydrateClient>
    </div>
  );
}
