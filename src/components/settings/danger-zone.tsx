"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { scheduleTenantDeletionSchema } from "@/lib/validations/tenant-settings";
import { scheduleDeletionAction } from "./general-actions";

type FormValues = z.input<typeof scheduleTenantDeletionSchema>;

/** Owners only (tenant:delete). Deleting needs the address typed out; the server checks it again. */
export function DangerZone({ slug, name, graceDays }: { slug: string; name: string; graceDays: number }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(scheduleTenantDeletionSchema), defaultValues: { confirmSlug: "" } });
  const { errors, isSubmitting } = form.formState;
  const typed = useWatch({ control: form.control, name: "confirmSlug" });

  const onSubmit = form.handleSubmit(async ({ confirmSlug }) => {
    setFormError(null);
    const result = await scheduleDeletionAction(slug, confirmSlug);
    if (!result.ok) setFormError(applyServerErrors(form, result.error));
  });

  return (
    <section aria-labelledby="danger-heading" className="rounded-lg border border-red-300 bg-white shadow-sm">
      <div className="border-b border-red-200 bg-red-50/60 px-5 py-3">
        <h2 id="danger-heading" className="text-base font-semibold text-red-800">Danger zone</h2>
      </div>
      <div className="flex flex-col gap-4 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="max-w-xl">
          <p className="text-sm font-medium text-slate-900">Delete organisation</p>
          <p className="mt-1 text-sm text-slate-600">
            Members and API keys lose access at once. After {graceDays} {graceDays === 1 ? "day" : "days"} every case, customer, file
            and audit record of {name} is deleted for good. Until then an owner can cancel.
          </p>
        </div>
        {!open ? (
          <Button type="button" variant="danger" className="shrink-0" onClick={() => setOpen(true)}>
            Delete organisation…
          </Button>
        ) : null}
      </div>
      {open ? (
        <form method="post" onSubmit={onSubmit} noValidate className="space-y-3 border-t border-red-200 px-5 py-4">
          <Field label={`Type ${slug} to confirm`} htmlFor="confirm-slug" error={errors.confirmSlug?.message}>
            <Input id="confirm-slug" autoComplete="off" spellCheck={false} className="max-w-sm font-mono" aria-invalid={!!errors.confirmSlug} {...form.register("confirmSlug")} />
          </Field>
          {formError ? (
            <p role="alert" className="text-sm text-red-700">
              {formError}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={isSubmitting || typed.trim() !== slug}>
              {isSubmitting ? "Scheduling…" : "Delete this organisation"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => (setOpen(false), form.reset())}>
              Keep it
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
