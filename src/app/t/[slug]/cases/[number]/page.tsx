import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { channelLabel, PriorityBadge, StatusBadge } from "@/components/cases/case-badges";
import { caseNumberSchema } from "@/lib/validations/case";
import { api } from "@/trpc/server";
import { orNotFound } from "../../_components/load-tenant";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Case #${(await params).number}` };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function CaseDetailPage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const parsed = caseNumberSchema.safeParse(number);
  if (!parsed.success) notFound();
  const c = await orNotFound(() => api.cases.get({ number: parsed.data }));

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <Link href={`/t/${slug}/cases`} className="text-sm text-slate-500 hover:text-slate-800">
        ← Cases
      </Link>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-mono text-sm text-slate-500">#{c.number}</p>
          <h1 className="text-xl font-semibold tracking-tight">{c.title}</h1>
        </div>
        <div className="flex gap-2">
          <StatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
        </div>
      </div>
      <div className="mt-6 grid items-start gap-6 md:grid-cols-[1fr_16rem]">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-sm font-medium text-slate-500">Description</h2>
          <p className="mt-2 whitespace-pre-wrap text-sm leading-6">{c.description || "No description."}</p>
        </section>
        <aside className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
          <Detail label="Channel" value={channelLabel(c.channel)} />
          <Detail label="Assignee" value={c.assignee?.name ?? "Unassigned"} />
          <Detail label="Created by" value={c.createdBy?.name ?? "API"} />
          <Detail label="Created" value={dateFormat.format(c.createdAt)} />
          <Detail label="Updated" value={dateFormat.format(c.updatedAt)} />
          <Detail label="Tags" value={c.tags.length ? c.tags.join(", ") : "—"} />
        </aside>
      </div>
    </div>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{value}</dd>
    </div>
  );
}
