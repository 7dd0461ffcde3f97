"use client";
// The name (and, when saving, the sharing) of a saved view: the procedure's own schema, so the
// form refuses what the server would.
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action-result";
import type { savedViewNameSchema } from "@/lib/validations/saved-view";

type FormInput = z.input<typeof savedViewNameSchema>;
type FormOutput = z.output<typeof savedViewNameSchema>;
const resolver = lazyZodResolver(() => import("@/lib/validations/saved-view").then((m) => m.savedViewNameSchema));

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
  const form = useForm<FormInput, unknown, FormOutput>({ resolver, defaultValues: { name: defaultName, shared: false } });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit: submit, formError } = useActionSubmit(form, onSubmit, () => {
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
      <FormError message={formError} />
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
