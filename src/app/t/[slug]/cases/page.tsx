import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { caseListSearch, parseCursor, parsePage, type SearchParams } from "@/components/cases/case-list-params";
import { parseCaseListQuery } from "@/components/cases/parse-case-list-query";
import { CasesWorkspace } from "@/components/cases/cases-workspace";
import { ExportButton } from "@/components/cases/export-button";
import { SavedViewsMenu } from "@/components/cases/saved-views-menu";
import { Button } from "@/components/ui/button";
import { DEFAULT_LIST_DISPLAY } from "@/lib/validations/list-display";
import { toAppError } from "@/server/errors/to-app-error";
import { api, getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const sp = await searchParams;
  // Filters the schema refuses (a NUL in the text, a year-0 date) are dropped by the parser.
  const query = parseCaseListQuery(sp);
  const input = { ...query, limit: 25, cursor: parseCursor(sp) };
  const [view, members, teams, display, listed] = await Promise.all([
    loadTenant(slug),
    api.members.list(),
    api.teams.list(),
    // The page is for members: their own display of the list (defaults until they choose).
    api.cases.display().catch(() => DEFAULT_LIST_DISPLAY),
    getQueryClient()
      .fetchQuery(trpc.cases.list.queryOptions(input))
      .then(() => "ok" as const)
      .catch((error: unknown) => (toAppError(error).code === "BAD_REQUEST" ? ("bad-request" as const) : ("failed" as const))),
    prefetch(trpc.cases.counts.queryOptions(query)),
  ]);
  // A cursor from an old or edited link that the list refuses: the first page, not an error.
  if (listed === "bad-request" && input.cursor) redirect(`/t/${slug}/cases${caseListSearch(query)}`);
  const canWrite = view.state === "active" && view.tenant.permissions.includes("cases:write");
  // Archived values stay filterable: older cases carry them.
  const categories = view.state === "active" ? [...view.tenant.settings.caseCategories, ...view.tenant.settings.archivedCaseCategories] : [];
  const businessUnits = view.state === "active" ? [...view.tenant.settings.businessUnits, ...view.tenant.settings.archivedBusinessUnits] : [];

  return (
    // Beside the preview pane the list takes the whole width of the window.
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8 lg:has-[[data-preview]]:max-w-none">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Cases</h1>
        <div className="flex flex-wrap items-center gap-2">
          <SavedViewsMenu base={`/t/${slug}/cases`} query={query} canShare={canWrite} />
          <ExportButton slug={slug} query={query} canExport={view.state === "active" && view.tenant.permissions.includes("exports:create")} />
          {canWrite ? (
            <Button asChild>
              <Link href={`/t/${slug}/cases/new`}>New case</Link>
            </Button>
          ) : null}
        </div>
      </div>
      <HydrateClient>
        <CasesWorkspace base={`/t/${slug}/cases`} query={query} input={input} page={parsePage(sp, input.cursor)} display={display} timeZone={view.state === "active" ? view.tenant.displayTimeZone : "UTC"} members={members} teams={teams} canWrite={canWrite} categories={categories} businessUnits={businessUnits} />
      </HydrateClient>
    </div>
  );
}
