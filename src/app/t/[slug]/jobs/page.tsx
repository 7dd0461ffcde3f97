import type { Metadata } from "next";
import { JobsTable } from "@/components/jobs/jobs-table";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await prefetch(trpc.jobs.list.queryOptions({ limit: 50 }));
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Jobs</h1>
      <p className="mt-1 text-sm text-slate-500">Background work of this organisation: bulk updates, imports, exports, maintenance.</p>
      <HydrateClient>
        <JobsTable slug={slug} />
      </HydrateClient>
    </div>
  );
}
