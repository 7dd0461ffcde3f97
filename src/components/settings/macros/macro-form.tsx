"use client";
// Creates a macro or edits one: a message (reply or note) and the case fields it sets, each
// "leave as it is" unless chosen. Admins may share it with the team.
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";
import { Input, Select, Textarea } from "@/components/ui/input";
import { PriorityOptions } from "@/components/cases/case-badges";
import { STATUS_LABELS } from "@/lib/case-status";
import { createMacroSchema, MACRO_STATUSES } from "@/lib/validations/macro";
import { PlaceholderList } from "../placeholder-list";
import { createMacroAction, updateMacroAction } from "./macros-actions";
import { macroFieldOf, toMacroFormValues, toMacroInput, type MacroFormValues } from "./macro-form-values";
import type { MacroChoices, MacroItem } from "./macros-panel";

/** The schema the procedure checks, run on the form's values; each error beside its field. */
const resolver: Resolver<MacroFormValues> = async (values) => {
  const parsed = createMacroSchema.safeParse(toMacroInput(values));
  if (parsed.success) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) errors[macroFieldOf(issue.path)] ??= { type: "validation", message: issue.message };
  return { values: {}, errors: errors as FieldErrors<MacroFormValues> };
};

export function MacroForm({ slug, macro, canShare, choices, onDone }: { slug: string; macro?: MacroItem; canShare: boolean; choices: MacroChoices; onDone: () => void }) {
  const form = useForm<MacroFormValues>({ resolver, defaultValues: toMacroFormValues(macro) });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const message = useWatch({ control: form.control, name: "message" });
  const id = macro?.id ?? "new";
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const input = toMacroInput(values);
    const result = macro ? await updateMacroAction(slug, { id: macro.id, ...input }) : await createMacroAction(slug, input);
    if (result.ok) return onDone();
    let placed = 0;
    for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = macroFieldOf(path);
      if (field === "root") continue;
      form.setError(field, { type: "server", message: messages[0] });
      placed++;
    }
    if (!placed) setFormError(result.error.message);
  });
  const fieldId = (name: string) => `macro-${id}-${name}`;
  const err = (name: keyof MacroFormValues) => errors[name]?.message;
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={macro ? `Edit ${macro.name}` : "New macro"}>
      <Field label="Name" htmlFor={fieldId("name")} error={err("name")} hint="What you type after / in a reply, or pick from the bulk bar and ⌘K.">
        <Input id={fieldId("name")} autoComplete="off" aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Message</legend>
        <Select id={fieldId("message")} aria-label="Message" {...form.register("message")}>
          <option value="">No message</option>
          <option value="PUBLIC_REPLY">Reply to the customer</option>
          <option value="INTERNAL_NOTE">Internal note</option>
        </Select>
        {message ? (
          <>
            <Field label={message === "INTERNAL_NOTE" ? "Note" : "Reply"} htmlFor={fieldId("body")} error={err("body")}>
              <Textarea id={fieldId("body")} rows={5} aria-invalid={!!errors.body} {...form.register("body")} />
            </Field>
            <PlaceholderList />
          </>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Case fields</legend>
        <Field label="Status" htmlFor={fieldId("status")} error={err("status")}>
          <Select id={fieldId("status")} {...form.register("status")}>
            <option value="">Leave as it is</option>
            {MACRO_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority" htmlFor={fieldId("priority")} error={err("priority")}>
          <Select id={fieldId("priority")} {...form.register("priority")}>
            <option value="">Leave as it is</option>
            <PriorityOptions />
          </Select>
        </Field>
        <Field label="Team" htmlFor={fieldId("teamId")} error={err("teamId")}>
          <Select id={fieldId("teamId")} {...form.register("teamId")}>
            <option value="">Leave as it is</option>
            <option value="none">No team</option>
            {choices.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Assignee" htmlFor={fieldId("assigneeId")} error={err("assigneeId")}>
          <Select id={fieldId("assigneeId")} {...form.register("assigneeId")}>
            <option value="">Leave as it is</option>
            <option value="me">Whoever applies it</option>
            <option value="none">Unassigned</option>
            {choices.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Add tags" htmlFor={fieldId("addTags")} error={err("addTags")} hint="Separated by commas.">
          <Input id={fieldId("addTags")} autoComplete="off" aria-invalid={!!errors.addTags} {...form.register("addTags")} />
        </Field>
        <Field label="Remove tags" htmlFor={fieldId("removeTags")} error={err("removeTags")}>
          <Input id={fieldId("removeTags")} autoComplete="off" aria-invalid={!!errors.removeTags} {...form.register("removeTags")} />
        </Field>
      </fieldset>
      {canShare ? (
        <div className="flex items-start gap-2">
          <input id={fieldId("shared")} type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...form.register("shared")} />
          <label htmlFor={fieldId("shared")} className="text-sm text-slate-700">
            Share with the team
            <span className="block text-xs text-slate-500">Everyone who replies to cases can apply it; only admins change it.</span>
          </label>
        </div>
      ) : null}
      <FormAlert message={formError ?? errors.root?.message} />
      <DialogActions onCancel={onDone} label={macro ? "Save macro" : "Create macro"} pendingLabel="Saving…" pending={isSubmitting} />
    </form>
  );
}
