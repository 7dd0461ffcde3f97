"use client";
import { useState, useTransition } from "react";
import { channelLabel } from "@/components/cases/case-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { OnlineDot } from "@/components/ui/online-dot";
import { cn } from "@/lib/utils";
import type { CaseChannel } from "@/lib/validations/case";
import { useOnlineUserIds } from "@/trpc/realtime/use-realtime";
import { deleteTeamAction, setTeamAvailabilityAction } from "./teams-actions";
import { TeamsForm } from "./teams-form";
import { confirmAction } from "@/components/ui/confirm";

export interface Team {
  id: string;
  name: string;
  description: string;
  businessUnit: string | null;
  defaultChannel: CaseChannel | null;
  autoAssign: boolean;
  members: { id: string; name: string; available: boolean; online: boolean }[];
}

/** A member who may join teams (viewers cannot work cases). */
export interface TeamCandidate {
  userId: string;
  name: string;
}

interface Props {
  slug: string;
  teams: Team[];
  candidates: TeamCandidate[];
  businessUnits: string[];
  canManage: boolean;
  /** The signed-in member, who may change their own availability. */
  myId: string | null;
}

export function TeamsPanel({ slug, teams, candidates, businessUnits, canManage, myId }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      setError(null);
      const result = await fn();
      if (!result.ok) setError(result.error?.message ?? "Something went wrong");
    });

  return (
    <section aria-labelledby="teams-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="teams-heading" className="text-base font-semibold">
          Teams <span className="font-normal text-slate-500">({teams.length})</span>
        </h2>
        {canManage && editing !== "new" ? (
          <Button size="sm" onClick={() => setEditing("new")}>
            New team
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {editing === "new" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <TeamsForm slug={slug} candidates={candidates} businessUnits={businessUnits} onDone={() => setEditing(null)} />
        </div>
      ) : null}
      {teams.length === 0 && editing !== "new" ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
          No teams yet.{canManage ? " Create one to route cases of a channel to a group of people." : ""}
        </p>
      ) : null}
      <ul className="space-y-4">
        {teams.map((team) => (
          <li key={team.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            {editing === team.id ? (
              <TeamsForm slug={slug} team={team} candidates={candidates} businessUnits={businessUnits} onDone={() => setEditing(null)} />
            ) : (
              <>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="break-words font-medium">{team.name}</h3>
                    {team.description ? <p className="mt-0.5 break-words text-sm text-slate-600">{team.description}</p> : null}
                    <div className="mt-2 flex flex-wrap gap-1.5">
                      {team.businessUnit ? <Badge tone="purple">{team.businessUnit}</Badge> : null}
                      {team.defaultChannel ? <Badge tone="blue">New {channelLabel(team.defaultChannel).toLowerCase()} cases</Badge> : null}
                      {team.autoAssign ? <Badge tone="green">Round-robin</Badge> : null}
                    </div>
                  </div>
                  {canManage ? (
                    <div className="flex gap-1">
                      <Button variant="secondary" size="sm" disabled={pending} onClick={() => setEditing(team.id)}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        onClick={async () => {
                          if (await confirmAction({ title: `Delete the team ${team.name}?`, description: "Its cases stay, without a team.", confirmLabel: "Delete team" })) {
                            run(() => deleteTeamAction(slug, team.id));
                          }
                        }}
                      >
                        Delete
                      </Button>
                    </div>
                  ) : null}
                </div>
                <TeamMembers slug={slug} team={team} canManage={canManage} myId={myId} pending={pending} run={run} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TeamMembers({
  slug,
  team,
  canManage,
  myId,
  pending,
  run,
}: {
  slug: string;
  team: Team;
  canManage: boolean;
  myId: string | null;
  pending: boolean;
  run: (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) => void;
}) {
  // The page was rendered with who was online then; the stream keeps it current from there.
  const online = useOnlineUserIds();
  if (team.members.length === 0) return <p className="mt-3 text-sm text-slate-500">No members yet.</p>;
  return (
    <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100" aria-label={`Members of ${team.name}`}>
      {team.members.map((m) => {
        const mayToggle = canManage || m.id === myId;
        return (
          <li key={m.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span className="flex min-w-0 items-center gap-2">
              <OnlineDot online={online ? online.has(m.id) : m.online} />
              <span className="truncate">{m.name}</span>
              {m.id === myId ? <span className="shrink-0 text-xs text-slate-500">(you)</span> : null}
            </span>
            <label className={cn("flex shrink-0 items-center gap-2 text-xs", m.available ? "text-slate-700" : "text-slate-500")}>
              <input
                type="checkbox"
                role="switch"
                aria-checked={m.available}
                className="size-4 rounded border-slate-300 accent-brand-600"
                checked={m.available}
                disabled={!mayToggle || pending}
                onChange={(e) => run(() => setTeamAvailabilityAction(slug, team.id, m.id, e.target.checked))}
              />
              <span>
                Available<span className="sr-only"> for automatic assignment: {m.name}</span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
