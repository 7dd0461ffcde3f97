import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JobDetail } from "@/components/jobs/job-detail";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const view = await loadTenant(slug);
  await prefetch(trpc.jobs.get.queryOptions({ id }));
  const canManage = view.state === "active" && view.tenant.permissions.includes("jobs:manage");
  const timeZone = view.state === "active" ? view.tenant.displayTimeZone : "UTC";
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <Link href={`/t/${slug}/jobs`} className="text-sm text-slate-500 hover:text-slate-800">
        ← Jobs
      </Link>
      <HydrateClient>
        <JobDetail slug={slug} id={id} canManage={canManage} timeZone={timeZone} />
      </HydrateClient>
    </div>
  );
}
