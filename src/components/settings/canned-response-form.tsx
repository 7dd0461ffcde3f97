"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Field } from "@/components/ui/field";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";
import { Input, Textarea } from "@/components/ui/input";
import { createCannedResponseSchema } from "@/lib/validations/canned-response";
import { createCannedResponseAction, updateCannedResponseAction } from "./canned-responses-actions";
import type { CannedResponse } from "./canned-responses-panel";
import { PlaceholderList } from "./placeholder-list";

type FormInput = z.input<typeof createCannedResponseSchema>;
type FormOutput = z.output<typeof createCannedResponseSchema>;

/** Creates a canned response, or edits one. Admins may share it with the team. */
export function CannedResponseForm({ slug, response, canShare, onDone }: { slug: string; response?: CannedResponse; canShare: boolean; onDone: () => void }) {
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createCannedResponseSchema),
    defaultValues: { title: response?.title ?? "", body: response?.body ?? "", shared: response?.shared ?? false },
  });
  const { errors, isSubmitting } = form.formState;
  const id = response?.id ?? "new";
  const { onSubmit, formError } = useActionSubmit(
    form,
    (values) => (response ? updateCannedResponseAction(slug, { id: response.id, ...values }) : createCannedResponseAction(slug, values)),
    () => onDone(),
  );
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-label={response ? `Edit ${response.title}` : "New canned response"}>
      <Field label="Name" htmlFor={`canned-${id}-title`} error={errors.title?.message} hint="What you type after / in a reply to find it.">
        <Input id={`canned-${id}-title`} autoComplete="off" aria-invalid={!!errors.title} {...form.register("title")} />
      </Field>
      <Field label="Text" htmlFor={`canned-${id}-body`} error={errors.body?.message}>
        <Textarea id={`canned-${id}-body`} rows={6} aria-invalid={!!errors.body} {...form.register("body")} />
      </Field>
      <PlaceholderList />
      {canShare ? (
        <div className="flex items-start gap-2">
          <input id={`canned-${id}-shared`} type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...form.register("shared")} />
          <label htmlFor={`canned-${id}-shared`} className="text-sm text-slate-700">
            Share with the team
            <span className="block text-xs text-slate-500">Everyone who replies to cases can insert it; only admins change it.</span>
          </label>
        </div>
      ) : null}
      <FormAlert message={formError} />
      <DialogActions onCancel={onDone} label={response ? "Save response" : "Create response"} pendingLabel="Saving…" pending={isSubmitting} />
    </form>
  );
}
