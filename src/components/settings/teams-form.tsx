"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { channelLabel } from "@/components/cases/case-badges";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { CASE_CHANNELS } from "@/lib/case-fields";
import { createTeamSchema } from "@/lib/validations/team";
import { createTeamAction, updateTeamAction } from "./teams-actions";
import type { Team, TeamCandidate } from "./teams-panel";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";

type FormInput = z.input<typeof createTeamSchema>;
type FormOutput = z.output<typeof createTeamSchema>;

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Creates a team, or edits one (its settings and members in one go). */
export function TeamsForm({
  slug,
  team,
  candidates,
  businessUnits,
  onDone,
}: {
  slug: string;
  team?: Team;
  candidates: TeamCandidate[];
  businessUnits: string[];
  onDone: () => void;
}) {
  const initialMembers = team?.members.map((m) => m.id) ?? [];
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createTeamSchema),
    defaultValues: {
      name: team?.name ?? "",
      description: team?.description ?? "",
      businessUnit: team?.businessUnit ?? null,
      defaultChannel: team?.defaultChannel ?? null,
      autoAssign: team?.autoAssign ?? false,
      memberIds: initialMembers,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const memberIds = useWatch({ control: form.control, name: "memberIds" }) ?? [];
  const id = team?.id ?? "new";

  const { onSubmit, formError } = useActionSubmit(
    form,
    (values) =>
      team
        ? updateTeamAction(slug, {
            id: team.id,
            name: values.name,
            description: values.description,
            businessUnit: values.businessUnit ?? null,
            defaultChannel: values.defaultChannel ?? null,
            autoAssign: values.autoAssign,
            ...(sameMembers(values.memberIds, initialMembers) ? {} : { memberIds: values.memberIds }),
          })
        : createTeamAction(slug, values),
    () => onDone(),
  );

  const toggleMember = (userId: string, on: boolean) =>
    form.setValue("memberIds", on ? [...memberIds, userId] : memberIds.filter((m) => m !== userId), { shouldDirty: true });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={team ? `Edit team ${team.name}` : "New team"}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor={`team-${id}-name`} error={errors.name?.message}>
          <Input id={`team-${id}-name`} autoComplete="off" aria-invalid={!!errors.name} {...form.register("name")} />
        </Field>
        <Field
          label="Business unit"
          htmlFor={`team-${id}-unit`}
          error={errors.businessUnit?.message}
          hint={businessUnits.length ? undefined : "Add business units in the general settings to use them here."}
        >
          <Select
            id={`team-${id}-unit`}
            disabled={!businessUnits.length}
            {...form.register("businessUnit", { setValueAs: (v: string | null) => v || null })}
          >
            <option value="">None</option>
            {businessUnits.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Description" htmlFor={`team-${id}-description`} error={errors.description?.message} className="sm:col-span-2">
          <Textarea id={`team-${id}-description`} rows={2} {...form.register("description")} />
        </Field>
        <Field
          label="New cases from"
          htmlFor={`team-${id}-channel`}
          error={errors.defaultChannel?.message}
          hint="New cases of this channel join the team; one team per channel."
        >
          <Select id={`team-${id}-channel`} {...form.register("defaultChannel", { setValueAs: (v: string | null) => v || null })}>
            <option value="">No channel</option>
            {CASE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-start gap-2 pt-1 sm:pt-7">
          <input id={`team-${id}-auto`} type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...form.register("autoAssign")} />
          <label htmlFor={`team-${id}-auto`} className="text-sm text-slate-700">
            Assign new cases round-robin
            <span className="block text-xs text-slate-500">to members who are available and online; otherwise cases wait in the team.</span>
          </label>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Members</legend>
        {errors.memberIds?.message ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {errors.memberIds.message}
          </p>
        ) : null}
        <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {candidates.map((m) => (
            <label key={m.userId} className="flex min-w-0 items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                className="size-4 shrink-0 rounded border-slate-300 accent-brand-600"
                checked={memberIds.includes(m.userId)}
                onChange={(e) => toggleMember(m.userId, e.target.checked)}
              />
              <span className="truncate">{m.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormAlert message={formError} />
      <DialogActions onCancel={onDone} label={team ? "Save team" : "Create team"} pendingLabel="Saving…" pending={isSubmitting} />
    </form>
  );
}
