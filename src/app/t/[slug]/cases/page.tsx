import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CasesTable } from "@/components/cases/cases-table";
import { casesListInput, type CasesView } from "@/components/cases/cases-list-input";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ view?: string; cursor?: string }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const view: CasesView = query.view === "done" || query.view === "all" ? query.view : "open";
  const input = casesListInput(view, query.cursor);
  await prefetch(trpc.cases.list.queryOptions(input));

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Cases</h1>
        <Button asChild>
          <Link href={`/t/${slug}/cases/new`}>New case</Link>
        </Button>
      </div>
      <HydrateClient>
        <CasesTable slug={slug} view={view} input={input} />
      </HydrateClient>
    </div>
  );
}
