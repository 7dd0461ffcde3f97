import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { caseListSearch } from "@/components/cases/case-list-params";
import { CaseMiniList } from "@/components/overview/case-mini-list";
import { CreatedChart } from "@/components/overview/created-chart";
import { FEED_PANEL_SIZE, FeedPanel } from "@/components/overview/feed-panel";
import { PulsePanel } from "@/components/overview/pulse-panel";
import { OnboardingChecklist } from "@/components/onboarding/onboarding-checklist";
import { Card } from "@/components/ui/card";
import { OPEN_STATUSES, STATUS_LABELS } from "@/lib/case-status";
import { CASE_STATUSES } from "@/lib/validations/case";
import { cn } from "@/lib/utils";
import { api, HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "./_components/load-tenant";

export const metadata: Metadata = { title: "Overview" };

const STATUS_DOT = { NEW: "bg-blue-500", OPEN: "bg-violet-500", PENDING: "bg-amber-500", SNOOZED: "bg-slate-400", RESOLVED: "bg-green-500", CLOSED: "bg-slate-300" } as const;

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const cases = `/t/${slug}/cases`;
  const open = [...OPEN_STATUSES];
  const view = await loadTenant(slug);
  const canManage = view.state === "active" && view.tenant.permissions.includes("settings:manage");
  const [overview, , , mine, breached, dueSoon, onboarding] = await Promise.all([
    api.tenant.overview(),
    prefetch(trpc.tenant.pulse.queryOptions()),
    prefetch(trpc.feed.list.queryOptions({ limit: FEED_PANEL_SIZE })),
    api.cases.list({ tab: "mine", status: open, sort: "resolutionDue", limit: 5 }),
    api.cases.list({ sla: "breached", sort: "resolutionDue", limit: 5 }),
    api.cases.list({ sla: "due_soon", sort: "resolutionDue", limit: 5 }),
    // The first steps are for whoever sets the organisation up.
    canManage ? api.tenant.onboarding() : null,
  ]);
  const openTotal = open.reduce((n, s) => n + overview.byStatus[s], 0);

  return (
    <HydrateClient>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 md:px-8">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Overview</h1>
          <p className="mt-1 text-sm text-slate-500">
            {openTotal.toLocaleString("en")} open cases · days counted in {overview.timeZone.replaceAll("_", " ")}, the organisation&apos;s time zone
          </p>
        </div>

        {onboarding && !onboarding.complete && !onboarding.dismissedAt ? <OnboardingChecklist slug={slug} onboarding={onboarding} /> : null}

        <PulsePanel slug={slug} />

        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {CASE_STATUSES.map((s) => (
            <Link key={s} href={`${cases}${caseListSearch({ status: [s] })}`} className="group">
              <Card className="px-4 py-3 transition-colors group-hover:border-brand-300">
                <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
                  <span className={cn("size-2 rounded-full", STATUS_DOT[s])} aria-hidden />
                  {STATUS_LABELS[s]}
                </p>
                <p className="mt-1 text-2xl font-semibold tabular-nums">{overview.byStatus[s].toLocaleString("en")}</p>
              </Card>
            </Link>
          ))}
        </div>

        <div className="grid grid-cols-3 gap-3">
          <Stat label="My open cases" value={overview.myOpen} href={`${cases}${caseListSearch({ tab: "mine", status: open })}`} />
          <Stat label="SLA breached" value={overview.slaBreached} tone={overview.slaBreached ? "red" : undefined} href={`${cases}${caseListSearch({ sla: "breached" })}`} />
          <Stat label="SLA due soon" value={overview.slaDueSoon} tone={overview.slaDueSoon ? "amber" : undefined} href={`${cases}${caseListSearch({ sla: "due_soon" })}`} />
        </div>

        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="min-w-0 px-5 py-4 lg:col-span-2">
            <h2 className="mb-6 text-sm font-semibold">Cases created, last 30 days</h2>
            <CreatedChart days={overview.createdPerDay} />
          </Card>
          <FeedPanel slug={slug} />
        </div>

        <div className="grid gap-6 lg:grid-cols-3">
          <CaseMiniList
            title="My open cases"
            total={overview.myOpen}
            items={mine.items}
            slug={slug}
            moreHref={`${cases}${caseListSearch({ tab: "mine", status: open })}`}
            empty="Nothing assigned to you. Enjoy it."
          />
          <CaseMiniList
            title="SLA breached"
            total={overview.slaBreached}
            items={breached.items}
            slug={slug}
            moreHref={`${cases}${caseListSearch({ sla: "breached" })}`}
            empty="No breaches."
          />
          <CaseMiniList
            title="Due soon"
            total={overview.slaDueSoon}
            items={dueSoon.items}
            slug={slug}
            moreHref={`${cases}${caseListSearch({ sla: "due_soon" })}`}
            empty="Nothing due in the next 2 hours."
          />
        </div>
      </div>
    </HydrateClient>
  );
}

function Stat({ label, value, href, tone }: { label: string; value: number; href: string; tone?: "red" | "amber" }) {
  return (
    <Link href={href} className="group rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500">
      <Card className="h-full px-3 py-3 transition-colors group-hover:border-brand-300 sm:px-4">
        <p className="text-xs text-slate-500 sm:text-sm">{label}</p>
        <p className={cn("mt-1 text-2xl sm:text-3xl font-semibold tabular-nums", tone === "red" && "text-red-600", tone === "amber" && "text-amber-600")}>
          {value.toLocaleString("en")}
        </p>
      </Card>
    </Link>
  );
}
