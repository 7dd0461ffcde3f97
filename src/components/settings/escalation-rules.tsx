"use client";
// The escalation settings: the tenant's levels (edited with the general settings) and its rules,
// "a case of this priority left unassigned this long goes to this level and team". Members who
// read cases see them; settings managers add, change, switch off and delete rules.
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { PriorityOptions } from "@/components/cases/case-badges";
import type { CasePriority } from "@/lib/validations/case";
import { MAX_UNASSIGNED_MINUTES } from "@/lib/validations/escalation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";
import { Input, Select } from "@/components/ui/input";
import { RuleRowActions } from "./rule-row-actions";
import { createEscalationRuleAction, deleteEscalationRuleAction, updateEscalationRuleAction } from "./escalation-actions";
import { confirmAction } from "@/components/ui/confirm";

export interface RuleRow {
  id: string;
  name: string;
  priority: CasePriority | null;
  unassignedMinutes: number;
  level: string;
  team: { id: string; name: string } | null;
  enabled: boolean;
}

interface Props {
  slug: string;
  levels: string[];
  teams: { id: string; name: string }[];
  rules: RuleRow[];
  canManage: boolean;
}

const label = (p: string) => p.charAt(0) + p.slice(1).toLowerCase();

/** "15 minutes", "2 hours", "1 day 3 hours": the wait as people say it. */
export function waitLabel(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days && `${days} ${days === 1 ? "day" : "days"}`, hours && `${hours} ${hours === 1 ? "hour" : "hours"}`, mins && `${mins} ${mins === 1 ? "minute" : "minutes"}`];
  return parts.filter(Boolean).join(" ");
}

export function EscalationRules({ slug, levels, teams, rules, canManage }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<RuleRow | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const after = (result: ActionResult<unknown>, done: string) => {
    setMessage(result.ok ? done : result.error.message);
    router.refresh();
  };
  const toggle = (rule: RuleRow) =>
    startTransition(async () => after(await updateEscalationRuleAction(slug, { id: rule.id, enabled: !rule.enabled }), rule.enabled ? `“${rule.name}” is off.` : `“${rule.name}” is on.`));
  const remove = async (rule: RuleRow) => {
    if (!(await confirmAction({ title: `Delete the rule “${rule.name}”?`, description: "Cases it escalated stay escalated.", confirmLabel: "Delete rule" }))) return;
    startTransition(async () => after(await deleteEscalationRuleAction(slug, rule.id), `Deleted “${rule.name}”.`));
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="levels-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="levels-heading" className="text-base font-semibold">Levels</h2>
        <p className="mt-1 text-sm text-slate-500">Cases are escalated to one of these, lowest first.</p>
        <ol className="mt-3 flex flex-wrap gap-2">
          {levels.map((l, i) => (
            <li key={l}>
              <Badge tone="red">
                {i + 1}. {l}
              </Badge>
            </li>
          ))}
        </ol>
        {canManage ? (
          <p className="mt-3 text-sm">
            <Link href={`/t/${slug}/settings/general`} className="font-medium text-brand-700 hover:underline">
              Change the levels in the general settings
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="rules-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="rules-heading" className="text-base font-semibold">Rules</h2>
            <p className="mt-1 text-sm text-slate-500">
              An open case nobody was assigned to is escalated once it has waited this long since it came in (checked every two minutes; a case is
              escalated by a rule at most once).
            </p>
          </div>
          {canManage && editing === null ? (
            <Button type="button" size="sm" onClick={() => setEditing("new")}>
              Add rule
            </Button>
          ) : null}
        </div>
        <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-600">
          {message}
        </p>
        {editing ? (
          <RuleForm
            key={editing === "new" ? "new" : editing.id}
            slug={slug}
            levels={levels}
            teams={teams}
            rule={editing === "new" ? null : editing}
            onDone={(text) => {
              setEditing(null);
              if (text) setMessage(text);
              router.refresh();
            }}
          />
        ) : null}
        {rules.length === 0 ? (
          <p className="mt-2 rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
            No rules yet. For example: urgent cases unassigned for 15 minutes go to Tier 2.
          </p>
        ) : (
          <ul aria-label="Escalation rules" className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {rules.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 px-3 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-words text-slate-900">
                    {r.name} {r.enabled ? null : <Badge tone="gray">Off</Badge>}
                  </p>
                  <p className="text-slate-600">
                    {r.priority ? `${label(r.priority)} cases` : "Cases of any priority"} unassigned for {waitLabel(r.unassignedMinutes)} → {r.level}
                    {r.team ? `, team ${r.team.name}` : ", admins told"}
                  </p>
                  {levels.includes(r.level) ? null : <p className="text-amber-800">“{r.level}” is no longer a level: this rule waits until it is changed.</p>}
                </div>
                {canManage ? (
                  <RuleRowActions name={r.name} enabled={r.enabled} pending={pending} onToggle={() => toggle(r)} onEdit={() => setEditing(r)} onDelete={() => remove(r)} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RuleForm({
  slug,
  levels,
  teams,
  rule,
  onDone,
}: {
  slug: string;
  levels: string[];
  teams: { id: string; name: string }[];
  rule: RuleRow | null;
  onDone: (message: string | null) => void;
}) {
  const [name, setName] = useState(rule?.name ?? "");
  const [priority, setPriority] = useState<CasePriority | "">(rule ? (rule.priority ?? "") : "URGENT");
  const [minutes, setMinutes] = useState(String(rule?.unassignedMinutes ?? 15));
  const [level, setLevel] = useState(rule?.level ?? levels[0] ?? "");
  const [teamId, setTeamId] = useState(rule?.team?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { name: name.trim(), priority: priority || null, unassignedMinutes: Number(minutes), level, teamId: teamId || null };
    const local: Record<string, string> = {};
    if (!values.name) local.name = "Name the rule";
    if (!Number.isInteger(values.unassignedMinutes) || values.unassignedMinutes < 1 || values.unassignedMinutes > MAX_UNASSIGNED_MINUTES) {
      local.unassignedMinutes = `Use whole minutes from 1 to ${MAX_UNASSIGNED_MINUTES} (a week)`;
    }
    if (Object.keys(local).length) return setErrors(local);
    startTransition(async () => {
      const result = rule ? await updateEscalationRuleAction(slug, { id: rule.id, ...values }) : await createEscalationRuleAction(slug, values);
      if (result.ok) return onDone(rule ? `Saved “${values.name}”.` : `Added “${values.name}”.`);
      const fe = result.error.fieldErrors ?? {};
      setErrors(Object.keys(fe).length ? Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v[0]])) : { form: result.error.message });
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={rule ? `Edit rule ${rule.name}` : "New rule"} className="mt-2 mb-4 space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="rule-name" error={errors.name}>
          <Input id="rule-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} placeholder="Urgent unassigned" />
        </Field>
        <Field label="Priority" htmlFor="rule-priority" error={errors.priority}>
          <Select id="rule-priority" value={priority} onChange={(e) => setPriority(e.target.value as CasePriority | "")}>
            <option value="">Any priority</option>
            <PriorityOptions />
          </Select>
        </Field>
        <Field label="Unassigned for (minutes)" htmlFor="rule-minutes" error={errors.unassignedMinutes} hint="Counted from when the case came in.">
          <Input id="rule-minutes" type="number" inputMode="numeric" min={1} max={MAX_UNASSIGNED_MINUTES} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!!errors.unassignedMinutes} />
        </Field>
        <Field label="Level" htmlFor="rule-level" error={errors.level}>
          <Select id="rule-level" value={level} onChange={(e) => setLevel(e.target.value)} aria-invalid={!!errors.level}>
            {levels.includes(level) ? null : <option value={level}>{level} (no longer a level)</option>}
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Team" htmlFor="rule-team" error={errors.teamId} hint="Its members are told; without a team, the admins are.">
          <Select id="rule-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormAlert message={errors.form} />
      <DialogActions onCancel={() => onDone(null)} label={rule ? "Save rule" : "Add rule"} pendingLabel="Saving…" pending={pending} />
    </form>
  );
}
