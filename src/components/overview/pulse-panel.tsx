"use client";
// The overview's live pulse: cases arriving in the last hour against the usual for this hour of
// the week, the open backlog and its age, SLA at risk within the hour, who is online, and the
// alerts not yet resolved. Each figure links to the list that explains it. Refetched when cases,
// alerts or presence change (live-invalidation.ts) and every minute, as "the last hour" and
// "within the hour" move with the clock.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { caseListSearch } from "@/components/cases/case-list-params";
import { Card } from "@/components/ui/card";
import { OPEN_STATUSES } from "@/lib/case-status";
import { ageText } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { versusUsual } from "./pulse-words";

const MINUTE_MS = 60_000;
const dayStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

export function PulsePanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: pulse, isError } = useQuery({ ...trpc.tenant.pulse.queryOptions(), refetchInterval: MINUTE_MS });
  const cases = `/t/${slug}/cases`;
  const open = [...OPEN_STATUSES];

  return (
    <Card role="region" className="px-4 py-4 sm:px-5" aria-labelledby="pulse-title">
      <div className="flex items-center gap-2">
        <h2 id="pulse-title" className="text-sm font-semibold">
          Pulse
        </h2>
        <span className="inline-flex items-center gap-1 text-xs text-slate-600">
          <span className="size-1.5 animate-pulse rounded-full bg-green-500" aria-hidden /> live
        </span>
        {isError ? <span className="text-xs text-red-700">· could not refresh</span> : null}
      </div>
      {!pulse ? (
        <p className="mt-3 text-sm text-slate-600" aria-busy="true">
          Loading…
        </p>
      ) : (
        <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-5">
          <Figure
            label="Arrived in the last hour"
            value={pulse.arrivals.lastHour}
            href={`${cases}${caseListSearch({ createdFrom: dayStart(pulse.arrivals.since) })}`}
            {...(() => {
              const v = versusUsual(pulse.arrivals.lastHour, pulse.arrivals.usual);
              return { detail: v.text, tone: v.tone };
            })()}
          />
          <Figure
            label="Open backlog"
            value={pulse.backlog.open}
            href={`${cases}${caseListSearch({ status: open, sort: "created", order: "asc" })}`}
            detail={pulse.backlog.oldestOpenAt ? `oldest ${ageText(pulse.asOf.getTime() - pulse.backlog.oldestOpenAt.getTime())} · ${pulse.backlog.unassigned.toLocaleString("en")} unassigned` : "nothing open"}
          />
          <Figure
            label="SLA at risk, next hour"
            value={pulse.slaAtRisk.nextHour}
            href={`${cases}${caseListSearch({ sla: "due_soon" })}`}
            tone={pulse.slaAtRisk.nextHour ? "amber" : undefined}
            detail={`${pulse.slaAtRisk.breached.toLocaleString("en")} already breached`}
            detailHref={`${cases}${caseListSearch({ sla: "breached" })}`}
          />
          <Figure label="Members online" value={pulse.online} href={`/t/${slug}/settings/members`} />
          <Figure
            label="Active alerts"
            value={pulse.alerts.ACTIVE.CRITICAL + pulse.alerts.ACTIVE.WARNING + pulse.alerts.ACTIVE.INFO}
            href={`/t/${slug}/alerts`}
            tone={pulse.alerts.ACTIVE.CRITICAL ? "red" : pulse.alerts.ACTIVE.WARNING ? "amber" : undefined}
            detail={`${pulse.alerts.ACTIVE.CRITICAL} critical · ${pulse.alerts.ACTIVE.WARNING} warning · ${pulse.alerts.ACTIVE.INFO} info`}
          />
        </dl>
      )}
    </Card>
  );
}

function Figure({ label, value, href, detail, detailHref, tone }: { label: string; value: number; href: string; detail?: string; detailHref?: string; tone?: "red" | "amber" }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-slate-600">{label}</dt>
      <dd>
        <Link href={href} className={cn("text-2xl font-semibold tabular-nums hover:underline", tone === "red" && "text-red-600", tone === "amber" && "text-amber-600")}>
          {value.toLocaleString("en")}
        </Link>
        {detail ? (
          detailHref ? (
            <Link href={detailHref} className="block truncate text-xs text-slate-600 hover:underline">
              {detail}
            </Link>
          ) : (
            <span className="block truncate text-xs text-slate-600">{detail}</span>
          )
        ) : null}
      </dd>
    </div>
  );
}
