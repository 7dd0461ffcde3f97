"use client";
// The alerts list: Open (active and acknowledged) / Resolved / All, filtered by severity, business
// unit, source and when it fired; newest firing first. The highlighted alert, or the ticked ones,
// can be acknowledged, resolved (with a note), reopened or taken; its details assign it. Keys: j/k
// move, x ticks, Enter shows the details, a acknowledge, r resolve, o reopen. Changes arrive over
// the live stream.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/form-feedback";
import { SeverityBadge } from "./severity-badge";
import { useKeyboardList } from "@/components/ui/keyboard-list";
import { alertActionAllowed, type AlertAction } from "@/lib/alert-status";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ALERT_SEVERITIES, ALERT_SOURCES, type AlertSeverity, type AlertStatus } from "@/lib/validations/alert";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { AlertDetails } from "./alert-details";
import { acknowledgeAlertAction, assignAlertToMeAction, reopenAlertAction, resolveAlertAction } from "./alert-actions";

type View = "open" | "resolved" | "all";
const VIEWS: { view: View; label: string; status?: AlertStatus[] }[] = [
  { view: "open", label: "Open", status: ["ACTIVE", "ACKNOWLEDGED"] },
  { view: "resolved", label: "Resolved", status: ["RESOLVED"] },
  { view: "all", label: "All" },
];
const STATUS_WORD: Record<AlertStatus, string> = { ACTIVE: "Active", ACKNOWLEDGED: "Acknowledged", RESOLVED: "Resolved" };
const HOUR_MS = 60 * 60 * 1000;
const FIRED_WITHIN = [
  { label: "Fired any time", ms: 0 },
  { label: "In the last hour", ms: HOUR_MS },
  { label: "In the last 24 hours", ms: 24 * HOUR_MS },
  { label: "In the last 7 days", ms: 7 * 24 * HOUR_MS },
  { label: "In the last 30 days", ms: 30 * 24 * HOUR_MS },
] as const;
const SOURCE_WORD = { RULE: "Rule", API: "API", SYSTEM: "System", ALERTMANAGER: "Alertmanager" } as const;

export function AlertsView({ slug, businessUnits, canManage, openAlertId }: { slug: string; businessUnits: string[]; canManage: boolean; openAlertId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A link to one alert (?alert=<id>, from the inbox or the feed) opens it wherever it is listed.
  const [view, setView] = useState<View>(openAlertId ? "all" : "open");
  const [severity, setSeverity] = useState<AlertSeverity[]>([]);
  const [businessUnit, setBusinessUnit] = useState("");
  const [source, setSource] = useState<(typeof ALERT_SOURCES)[number] | "">("");
  // "Fired in the last …": the instant is fixed when chosen, so the query (and its key) stays put.
  const [firedSince, setFiredSince] = useState<{ ms: number; from: Date } | null>(null);
  const status = VIEWS.find((v) => v.view === view)?.status;
  const input = {
    limit: 100,
    ...(status ? { status } : {}),
    ...(severity.length ? { severity } : {}),
    ...(businessUnit ? { businessUnit } : {}),
    ...(source ? { source } : {}),
    ...(firedSince ? { from: firedSince.from } : {}),
  };
  const { data, isError } = useQuery({ ...trpc.alerts.list.queryOptions(input), refetchInterval: useFallbackPoll() });
  const items = useMemo(() => data?.items ?? [], [data]);
  const [expanded, setExpanded] = useState<string | null>(openAlertId ?? null);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement | null>(null);
  const list = useKeyboardList(items, (event, current) => {
    if (event.key === "a") void run("acknowledge");
    else if (event.key === "r") startResolve();
    else if (event.key === "o") void run("reopen");
    else if (event.key === "Enter" && current && !(event.target instanceof HTMLButtonElement)) setExpanded((e) => (e === current.id ? null : current.id));
    else if (event.key === "Escape") setResolving(false);
    else return false;
    return true;
  });
  const { focusedIndex, focusedItem, ticked, targets } = list;
  const can = (action: AlertAction) => canManage && targets.length > 0 && targets.every((a) => alertActionAllowed(action, a.status));

  async function run(action: AlertAction | "take", extra: { note?: string } = {}) {
    const chosen = action === "take" ? targets : targets.filter((a) => alertActionAllowed(action, a.status));
    if (!canManage || !chosen.length) return;
    const call = { acknowledge: acknowledgeAlertAction, resolve: resolveAlertAction, reopen: reopenAlertAction, take: assignAlertToMeAction }[action];
    const results = await Promise.all(chosen.map((a) => call({ id: a.id, version: a.version, ...extra })));
    const failed = results.find((r) => !r.ok);
    const done = results.filter((r) => r.ok).length;
    const words = { acknowledge: "Acknowledged", resolve: "Resolved", reopen: "Reopened", take: "Assigned to you" }[action];
    setMessage(failed && !failed.ok ? `${done ? `${words}: ${done}. ` : ""}${failed.error.message}` : `${words}: ${done}`);
    list.clearTicked();
    setResolving(false);
    setNote("");
    await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  }
  const startResolve = () => {
    if (!can("resolve")) return;
    setResolving(true);
    requestAnimationFrame(() => noteField.current?.focus());
  };

  const resetSelection = () => {
    list.setFocused(0);
    list.clearTicked();
    setMessage(null);
    setResolving(false);
  };

  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200" role="tablist" aria-label="Alert views">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            role="tab"
            aria-selected={view === v.view}
            onClick={() => {
              setView(v.view);
              resetSelection();
            }}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              view === v.view ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {v.label}
          </button>
        ))}
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2" aria-label="Filters" role="group">
        {ALERT_SEVERITIES.map((s) => {
          const on = severity.includes(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              onClick={() => {
                setSeverity((all) => (on ? all.filter((x) => x !== s) : [...all, s]));
                resetSelection();
              }}
              className={cn(
                "rounded-full border px-3 py-1 text-xs font-medium",
                on ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {s.charAt(0) + s.slice(1).toLowerCase()}
            </button>
          );
        })}
        {businessUnits.length ? (
          <select
            aria-label="Business unit"
            value={businessUnit}
            onChange={(e) => {
              setBusinessUnit(e.target.value);
              resetSelection();
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
          >
            <option value="">All business units</option>
            {businessUnits.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        ) : null}
        <select
          aria-label="Source"
          value={source}
          onChange={(e) => {
            setSource(e.target.value as typeof source);
            resetSelection();
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        >
          <option value="">All sources</option>
          {ALERT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_WORD[s]}
            </option>
          ))}
        </select>
        <select
          aria-label="Fired"
          value={firedSince?.ms ?? 0}
          onChange={(e) => {
            const ms = Number(e.target.value);
            setFiredSince(ms ? { ms, from: new Date(Date.now() - ms) } : null);
            resetSelection();
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        >
          {FIRED_WITHIN.map((f) => (
            <option key={f.ms} value={f.ms}>
              {f.label}
            </option>
          ))}
        </select>
      </div>

      {canManage ? (
        <div className="sticky top-0 z-10 mt-2 flex min-h-12 flex-wrap items-center gap-2 bg-slate-50 py-2">
          <p className="mr-auto text-sm text-slate-600">{ticked.size ? `${ticked.size} selected` : focusedItem ? "Acting on the highlighted alert" : ""}</p>
          <Button size="sm" disabled={!can("acknowledge")} onClick={() => void run("acknowledge")}>
            Acknowledge <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">a</kbd>
          </Button>
          <Button size="sm" variant="secondary" disabled={!can("resolve")} onClick={startResolve}>
            Resolve <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">r</kbd>
          </Button>
          <Button size="sm" variant="secondary" disabled={!can("reopen")} onClick={() => void run("reopen")}>
            Reopen <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">o</kbd>
          </Button>
          <Button size="sm" variant="secondary" disabled={!targets.length} onClick={() => void run("take")}>
            Take
          </Button>
        </div>
      ) : null}
      {resolving ? (
        <form
          className="mt-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
          onSubmit={(e) => {
            e.preventDefault();
            void run("resolve", note.trim() ? { note: note.trim() } : {});
          }}
        >
          <label htmlFor="resolution-note" className="text-sm font-medium">
            Resolution note <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <textarea
            id="resolution-note"
            ref={noteField}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            placeholder="What was wrong, and what fixed it"
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          <div className="mt-2">
            <DialogActions onCancel={() => setResolving(false)} label={`Resolve ${targets.length > 1 ? `${targets.length} alerts` : "alert"}`} pendingLabel="Resolving…" pending={false} />
          </div>
        </form>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {message}
      </p>

      {isError ? <p className="mt-4 text-sm text-red-700">Could not load the alerts.</p> : null}
      {data && items.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">{view === "open" ? "No open alerts" : "No alerts here"}</p>
          <p className="mt-1 text-sm text-slate-600">
            Alerts come from scripts through the API (<code className="text-xs">POST /api/v1/alerts</code>) and from Prometheus Alertmanager.
          </p>
        </div>
      ) : null}
      <ul aria-label="Alerts" className="mt-2 divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        {items.map((a, i) => (
          <li
            key={a.id}
            ref={list.rowRef(i)}
            aria-current={i === focusedIndex ? "true" : undefined}
            onClick={() => list.setFocused(i)}
            className={cn("px-3 py-3 text-sm", i === focusedIndex && "bg-brand-50/60 ring-1 ring-inset ring-brand-200")}
          >
            <div className="flex items-start gap-3">
              {canManage ? (
                <input
                  type="checkbox"
                  aria-label={`Select: ${a.title}`}
                  checked={ticked.has(a.id)}
                  onChange={() => list.toggle(a.id)}
                  className="mt-0.5 size-4"
                />
              ) : null}
              <SeverityBadge severity={a.severity} className="shrink-0" />
              <div className="min-w-0 flex-1">
                <button
                  type="button"
                  aria-expanded={expanded === a.id}
                  onClick={() => setExpanded((e) => (e === a.id ? null : a.id))}
                  className={cn("text-left text-slate-900 hover:text-brand-700", a.status === "ACTIVE" && "font-medium")}
                >
                  {a.title}
                </button>
                <p className="mt-0.5 text-xs text-slate-600">
                  {STATUS_WORD[a.status]}
                  {a.businessUnit ? ` · ${a.businessUnit}` : ""} · {SOURCE_WORD[a.source]}
                  {a.occurrences > 1 ? ` · fired ${a.occurrences} times` : ""}
                  {a.assignee ? ` · ${a.assignee.name}` : a.team ? ` · ${a.team.name}` : ""}
                </p>
              </div>
              <span className="shrink-0 text-xs text-slate-600" suppressHydrationWarning title={a.lastFiredAt.toLocaleString()}>
                {timeAgo(a.lastFiredAt)}
              </span>
            </div>
            {/* Below the row, not in its title column: on a phone the details get the full width. */}
            {expanded === a.id ? (
              <div className="sm:pl-[6.5rem]">
                <AlertDetails id={a.id} slug={slug} canManage={canManage} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-3 hidden text-xs text-slate-600 sm:block">j/k move · x select · Enter details{canManage ? " · a acknowledge · r resolve · o reopen" : ""}</p>
    </div>
  );
}
