"use client";
// Whom an alert is for: a member, or a team (whose members are told), or nobody. The same
// procedure as "Take" and the API (alerts.assign, optimistic concurrency on the version read).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Select } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { assignAlertAction } from "./alert-actions";

export function AlertAssign({ alert }: { alert: { id: string; version: number; assignee: { id: string } | null; team: { id: string } | null } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = alert.assignee ? `user:${alert.assignee.id}` : alert.team ? `team:${alert.team.id}` : "";

  async function change(value: string) {
    const [kind, id] = value.split(":") as ["user" | "team" | "", string | undefined];
    setPending(true);
    setError(null);
    const result = await assignAlertAction({ id: alert.id, version: alert.version, assigneeId: kind === "user" ? id! : null, teamId: kind === "team" ? id! : null });
    setPending(false);
    if (!result.ok) setError(result.error.message);
    await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`assign-${alert.id}`} className="text-slate-600">
        Assigned to
      </label>
      <Select id={`assign-${alert.id}`} value={current} disabled={pending} onChange={(e) => void change(e.target.value)} className="h-8 w-auto text-xs">
        <option value="">Nobody</option>
        {(members.data ?? []).length ? (
          <optgroup label="Members">
            {members.data!.map((m) => (
              <option key={m.userId} value={`user:${m.userId}`}>
                {m.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {(teams.data ?? []).length ? (
          <optgroup label="Teams">
            {teams.data!.map((t) => (
              <option key={t.id} value={`team:${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
