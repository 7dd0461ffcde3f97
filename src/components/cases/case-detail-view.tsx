"use client";
// The top of a case and its editable properties. Each edit names the version it was based on.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useEffect } from "react";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { OnlineDot } from "@/components/ui/online-dot";
import { STATUS_LABELS } from "@/lib/case-status";
import { formatDateTime, timeAgo } from "@/lib/format";
import type { CasePriority } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { useAnnouncePresence, useIsReplying, useOnlineUserIds } from "@/trpc/realtime/use-realtime";
import { useActiveCase } from "./active-case-store";
import { assignCaseAction, transitionCaseAction, updateCaseAction } from "./case-actions";
import { channelLabel, EscalationBadge, PriorityBadge, PriorityOptions, StatusBadge } from "./case-badges";
import type { CaseDetail, Member } from "./case-types";
import { CasePresenceAvatars, CaseReplying } from "./case-presence";
import { ConflictBanner } from "./conflict-banner";
import { EscalationButtons } from "./escalate-case-dialog";
import { MergeCaseButton } from "./merge-case-dialog";
import { ShareCaseButton } from "./share-case-dialog";
import { SlaBadge } from "./sla-badge";
import { StatusControls } from "./status-controls";
import { useCaseEdit } from "./use-case-edit";

interface Props {
  base: string;
  number: number;
  members: Member[];
  canWrite: boolean;
  /** The tenant's time zone: times of day (a snooze's end) are shown in it. */
  timeZone: string;
  /** The timeline and composer. */
  main: React.ReactNode;
  /** Panels under the properties, e.g. the customer. */
  aside: React.ReactNode;
  /** "pane": beside the list (one column, a link to the full page instead of back to the list). */
  variant?: "page" | "pane";
}

type Edit = ReturnType<typeof useCaseEdit>;

/** One edit state for the whole case, so a conflict from any control shows in one place. */
export function CaseDetailView({ base, number, members, canWrite, timeZone, main, aside, variant = "page" }: Props) {
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.cases.get.queryOptions({ number }));
  const edit = useCaseEdit(number);
  // The open case is the one the command palette's actions apply to.
  const setActive = useActiveCase((s) => s.set);
  useEffect(() => {
    setActive({ id: c.id, number: c.number, title: c.title, status: c.status, version: c.version });
    return () => setActive(null);
  }, [setActive, c.id, c.number, c.title, c.status, c.version]);
  // Tells the others who is here (and typing, from the composer); the case itself updates live.
  useAnnouncePresence(c.id, useIsReplying(c.id) ? "replying" : "viewing");
  return (
    <>
      <CaseHeader base={base} c={c} edit={edit} canWrite={canWrite} timeZone={timeZone} variant={variant} />
      {variant === "pane" ? (
        <div className="mt-4 space-y-4">
          <CaseProperties c={c} edit={edit} members={members} canWrite={canWrite} />
          <div className="space-y-6">{main}</div>
          <CaseReplying caseId={c.id} className="mt-2" />
        </div>
      ) : (
        <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0">
            <div className="space-y-6">{main}</div>
            <CaseReplying caseId={c.id} className="mt-2" />
          </div>
          <aside className="space-y-4">
            <CaseProperties c={c} edit={edit} members={members} canWrite={canWrite} />
            {aside}
          </aside>
        </div>
      )}
    </>
  );
}

function CaseHeader({ base, c, edit, canWrite, timeZone, variant }: { base: string; c: CaseDetail; edit: Edit; canWrite: boolean; timeZone: string; variant: "page" | "pane" }) {
  return (
    <div>
      {variant === "pane" ? (
        <Link href={`${base}/${c.number}`} className="text-sm font-medium text-brand-700 hover:underline">
          Open case #{c.number} →
        </Link>
      ) : (
        <Link href={base} className="text-sm text-slate-500 hover:text-slate-800">
          ← Cases
        </Link>
      )}
      <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <p className="font-mono text-sm text-slate-500">#{c.number}</p>
            <CasePresenceAvatars caseId={c.id} />
          </div>
          <h1 className="text-xl font-semibold tracking-tight break-words">{c.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={c.status} />
            <PriorityBadge priority={c.priority} />
            <EscalationBadge level={c.escalationLevel} />
            {/* A closed case (merged duplicates too) keeps only the verdicts, never a running clock. */}
            <SlaBadge clock={c.sla.firstResponse} label="First response" stoppedOnly={c.status === "CLOSED"} />
            <SlaBadge clock={c.sla.resolution} label="Resolution" stoppedOnly={c.status === "CLOSED"} />
            {c.status === "SNOOZED" && c.snoozedUntil ? <span className="text-xs text-slate-500">until {formatDateTime(c.snoozedUntil, timeZone)}</span> : null}
          </div>
        </div>
        {canWrite ? (
          <div className="flex flex-wrap items-center gap-2">
            <StatusControls
              status={c.status}
              disabled={edit.pending}
              onTransition={(to, until) =>
                edit.run(() => transitionCaseAction({ id: c.id, to, until, version: c.version }), {
                  optimistic: { status: to },
                  undo: {
                    label: `Case #${c.number} ${STATUS_LABELS[to].toLowerCase()}`,
                    revert: (after) =>
                      transitionCaseAction({ id: c.id, to: c.status, until: c.snoozedUntil ?? undefined, version: after.version, revert: true }),
                  },
                })
              }
            />
            <MergeCaseButton target={c} />
            <ShareCaseButton caseId={c.id} number={c.number} />
            <EscalationButtons c={c} />
          </div>
        ) : null}
      </div>
      {c.mergedInto ? (
        <p role="note" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Merged into{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`${base}/${c.mergedInto.number}`}>
            #{c.mergedInto.number}
          </Link>
          .
        </p>
      ) : null}
      {edit.conflict ? <ConflictBanner current={edit.conflict} onReload={edit.acceptCurrent} /> : null}
      {edit.error ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {edit.error}
        </p>
      ) : null}
    </div>
  );
}

function CaseProperties({ c, edit, members, canWrite }: { c: CaseDetail; edit: Edit; members: Member[]; canWrite: boolean }) {
  const assignable = members.filter((m) => m.role !== "VIEWER");
  const trpc = useTRPC();
  // Not suspending: the page works without them, and who is online moves on its own.
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const isOnline = useOnlineUserIds() ?? new Set<string>();
  return (
    <section aria-label="Properties" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <Field label="Assignee" htmlFor="assignee">
        <div className="flex items-center gap-2">
          <Select
            id="assignee"
            disabled={!canWrite || edit.pending}
            value={c.assignee?.id ?? ""}
            onChange={(e) => {
              const assigneeId = e.target.value || null;
              const assignee = assignable.find((m) => m.userId === assigneeId);
              edit.run(() => assignCaseAction({ id: c.id, assigneeId, version: c.version }), {
                optimistic: { assignee: assignee ? { id: assignee.userId, name: assignee.name } : null },
                undo: {
                  label: assignee ? `Case #${c.number} assigned to ${assignee.name}` : `Case #${c.number} unassigned`,
                  revert: (after) => assignCaseAction({ id: c.id, assigneeId: c.assignee?.id ?? null, version: after.version }),
                },
              });
            }}
          >
            <option value="">Unassigned</option>
            {/* Grouped rather than labelled, so each option stays the member's name (for people
                and for assistive technology alike) while who can pick it up now comes first. */}
            {[
              { label: "Online now", list: assignable.filter((m) => isOnline.has(m.userId)) },
              { label: "Others", list: assignable.filter((m) => !isOnline.has(m.userId)) },
            ].map((group) =>
              group.list.length ? (
                <optgroup key={group.label} label={group.label}>
                  {group.list.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </Select>
          {c.assignee ? <OnlineDot online={isOnline.has(c.assignee.id)} /> : null}
        </div>
      </Field>
      <Field label="Team" htmlFor="team">
        <Select
          id="team"
          disabled={!canWrite || edit.pending}
          value={c.team?.id ?? ""}
          onChange={(e) => {
            const teamId = e.target.value || null;
            const team = teams.find((t) => t.id === teamId);
            edit.run(() => assignCaseAction({ id: c.id, teamId, version: c.version }), {
              optimistic: { team: team ? { id: team.id, name: team.name } : null },
              undo: {
                label: team ? `Case #${c.number} given to ${team.name}` : `Case #${c.number} taken off its team`,
                revert: (after) => assignCaseAction({ id: c.id, teamId: c.team?.id ?? null, version: after.version }),
              },
            });
          }}
        >
          <option value="">No team</option>
          {/* A team deleted since the list loaded still shows as the case's. */}
          {c.team && !teams.some((t) => t.id === c.team!.id) ? <option value={c.team.id}>{c.team.name}</option> : null}
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Priority" htmlFor="priority">
        <Select
          id="priority"
          disabled={!canWrite || edit.pending}
          value={c.priority}
          onChange={(e) => {
            const priority = e.target.value as CasePriority;
            edit.run(() => updateCaseAction({ id: c.id, version: c.version, priority }), {
              optimistic: { priority },
              undo: {
                label: `Case #${c.number} priority ${priority.toLowerCase()}`,
                revert: (after) => updateCaseAction({ id: c.id, version: after.version, priority: c.priority }),
              },
            });
          }}
        >
          <PriorityOptions />
        </Select>
      </Field>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-3 border-t border-slate-100 pt-4">
        <Detail label="Channel" value={channelLabel(c.channel)} />
        <Detail label="Category" value={c.category ?? "—"} />
        <Detail label="Created" value={timeAgo(c.createdAt)} title={c.createdAt.toLocaleString()} />
        {/* No member: an API key's case, or a chat a website visitor started. */}
        <Detail label="Created by" value={c.createdBy?.name ?? (c.channel === "CHAT" ? "Website visitor" : "API")} />
        <Detail label="Updated" value={timeAgo(c.updatedAt)} title={c.updatedAt.toLocaleString()} />
        <Detail label="Followers" value={c.followers.length ? c.followers.map((f) => f.name).join(", ") : "—"} />
        <Detail label="Tags" value={c.tags.length ? c.tags.join(", ") : "—"} wide />
      </dl>
    </section>
  );
}

function Detail({ label, value, title, wide }: { label: string; value: string; title?: string; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900" title={title} suppressHydrationWarning>
        {value}
      </dd>
    </div>
  );
}
