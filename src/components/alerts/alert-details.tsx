"use client";
// An alert opened in the list: what it says, when it fired (a sparkline of its firings), the
// cases it names and the list of every case the rule's condition covers, its labels, and its
// timeline (acknowledged, resolved with the note, reopened, assigned). Loaded when opened: the
// list does not carry firings and timelines for every alert.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { caseListSearch } from "@/components/cases/case-list-params";
import { STATUS_LABELS } from "@/lib/case-status";
import { ruleCaseQuery } from "@/lib/alert-rule-cases";
import { timeAgo } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { AlertAssign } from "./alert-assign";
import { firingBuckets, Sparkline } from "./sparkline";

const ACTION_WORD: Record<string, string> = {
  "alert.created": "Created",
  "alert.recurred": "Fired again",
  "alert.acknowledged": "Acknowledged",
  "alert.resolved": "Resolved",
  "alert.reopened": "Reopened",
  "alert.assigned": "Assigned",
  "alert.updated": "Edited",
};
const ACTOR_WORD: Record<string, string> = { apiKey: "an API key", system: "the system", platformAdmin: "a platform admin" };

export function AlertDetails({ id, slug, canManage }: { id: string; slug: string; canManage: boolean }) {
  const trpc = useTRPC();
  const { data: alert, isError } = useQuery(trpc.alerts.get.queryOptions({ id }));
  if (isError) return <p className="mt-2 text-xs text-red-700">Could not load this alert. It may have been deleted.</p>;
  if (!alert) return <p className="mt-2 text-xs text-slate-600" aria-busy="true">Loading…</p>;

  const labels = Object.entries(alert.labels);
  const { buckets, span } = firingBuckets(alert.firings, new Date());
  const cases = `/t/${slug}/cases`;
  return (
    <div className="mt-2 space-y-3 border-l-2 border-slate-200 pl-3 text-xs text-slate-700">
      {alert.description ? <p className="whitespace-pre-line break-words">{alert.description}</p> : null}

      <div>
        <p className="text-slate-600">
          Fired {alert.occurrences === 1 ? "once" : `${alert.occurrences.toLocaleString("en")} times`} · {span}
        </p>
        <Sparkline buckets={buckets} caption={`Firings over the ${span}`} className="mt-1 max-w-xs" />
      </div>

      {canManage ? <AlertAssign alert={alert} /> : null}

      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" suppressHydrationWarning>
        <dt className="text-slate-600">First fired</dt>
        <dd>{alert.firstFiredAt.toLocaleString()}</dd>
        <dt className="text-slate-600">Last fired</dt>
        <dd>{alert.lastFiredAt.toLocaleString()}</dd>
        {alert.rule ? (
          <>
            <dt className="text-slate-600">Rule</dt>
            <dd>{alert.rule.name}</dd>
          </>
        ) : null}
      </dl>

      {alert.relatedCases.length || alert.rule ? (
        <section aria-label="Related cases">
          <h3 className="font-medium text-slate-900">Related cases</h3>
          {alert.relatedCases.length ? (
            <ul className="mt-1 space-y-0.5">
              {alert.relatedCases.map((c) => (
                <li key={c.id} className="truncate">
                  <Link href={`${cases}/${c.number}`} className="text-brand-700 hover:underline">
                    #{c.number} {c.title}
                  </Link>{" "}
                  <span className="text-slate-600">· {STATUS_LABELS[c.status]}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {alert.rule ? (
            <Link href={`${cases}${caseListSearch(ruleCaseQuery(alert.rule.condition, alert.lastFiredAt))}`} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
              All cases matching the rule →
            </Link>
          ) : null}
        </section>
      ) : null}

      {labels.length ? (
        <ul aria-label="Labels" className="flex flex-wrap gap-1">
          {labels.map(([k, v]) => (
            <li key={k} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700">
              {k}={v}
            </li>
          ))}
        </ul>
      ) : null}

      {alert.timeline.length ? (
        <section aria-label="Timeline">
          <h3 className="font-medium text-slate-900">Timeline</h3>
          <ol className="mt-1 space-y-1">
            {alert.timeline.map((e) => (
              <li key={e.id} className="break-words">
                <span className="font-medium">{ACTION_WORD[e.action] ?? e.action}</span>
                {" by "}
                {e.actor.name ?? ACTOR_WORD[e.actor.type] ?? "a former member"}{" "}
                <span className="text-slate-600" title={e.at.toLocaleString()} suppressHydrationWarning>
                  {timeAgo(e.at)}
                </span>
                {e.note ? <span className="block whitespace-pre-line text-slate-600">“{e.note}”</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
