"use client";
// The name (and, when saving, the sharing) of a saved view: the procedure's own schema, so the
// form refuses what the server would.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action-result";
import { createSavedViewSchema } from "@/lib/validations/saved-view";

const formSchema = createSavedViewSchema.pick({ name: true, shared: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

interface Props {
  defaultName?: string;
  /** Show the "share with the team" box (members with cases:write). */
  canShare: boolean;
  /** Whether the sharing box applies (saving); renaming keeps sharing as it is. */
  withSharing: boolean;
  submitLabel: string;
  onSubmit: (values: FormOutput) => Promise<ActionResult<{ id: string }>>;
  onDone: () => void;
}

export function ViewNameForm({ defaultName = "", canShare, withSharing, submitLabel, onSubmit, onDone }: Props) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(formSchema), defaultValues: { name: defaultName, shared: false } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await onSubmit(values);
    if (!result.ok) {
      setFormError(applyServerErrors(form, result.error));
      return;
    }
    onDone();
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4">
      <Field label="Name" htmlFor="view-name" error={errors.name?.message}>
        <Input id="view-name" autoFocus aria-invalid={!!errors.name} placeholder="e.g. My urgent open cases" {...form.register("name")} />
      </Field>
      {withSharing && canShare ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" {...form.register("shared")} />
          Share with the team
        </label>
      ) : null}
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
