"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateTenantSchema } from "@/lib/validations/tenant-settings";
import { updateTenantAction } from "./general-actions";
import { SaveBar, type SaveMessage } from "./save-bar";

type FormInput = z.input<typeof updateTenantSchema>;
type FormOutput = z.output<typeof updateTenantSchema>;

/** Name and address. Changing the address moves the page to it; old links keep working. */
export function GeneralNameForm({ slug, name, canManage }: { slug: string; name: string; canManage: boolean }) {
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(updateTenantSchema), defaultValues: { name, slug } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const newSlug = useWatch({ control: form.control, name: "slug" });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await updateTenantAction(slug, values);
    if (!result.ok) {
      const text = applyServerErrors(form, result.error);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    form.reset(values);
    setMessage({ tone: "ok", text: "Saved." });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset disabled={!canManage} className="grid gap-4 sm:grid-cols-2 [&_input:disabled]:cursor-not-allowed [&_input:disabled]:bg-slate-50 [&_input:disabled]:text-slate-600">
        <Field label="Organisation name" htmlFor="tenant-name" error={errors.name?.message}>
          <Input id="tenant-name" aria-invalid={!!errors.name} {...form.register("name")} />
        </Field>
        <Field
          label="Address"
          htmlFor="tenant-slug"
          error={errors.slug?.message}
          hint={newSlug && newSlug !== slug ? `Links to /t/${slug}/… will redirect to /t/${newSlug}/…` : `Your workspace lives at /t/${slug}`}
        >
          <div className="flex items-center rounded-md shadow-sm">
            <span className="inline-flex h-9 items-center rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-3 text-sm text-slate-500">/t/</span>
            <Input id="tenant-slug" className="rounded-l-none shadow-none" aria-invalid={!!errors.slug} {...form.register("slug")} />
          </div>
        </Field>
      </fieldset>
      {canManage ? (
        <SaveBar label="Save" isSubmitting={isSubmitting} isDirty={isDirty} message={message} />
      ) : null}
    </form>
  );
}
