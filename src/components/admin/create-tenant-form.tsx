"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { slugify } from "@/lib/slug";
import { adminCreateTenantSchema } from "@/lib/validations/admin";
import { createTenantAction } from "./admin-actions";

type FormInput = z.input<typeof adminCreateTenantSchema>;
type FormOutput = z.output<typeof adminCreateTenantSchema>;
type Created = { id: string; slug: string; name: string; delivered: boolean; url: string | null; email: string };

/** A tenant and an OWNER invitation; without SMTP the link is shown here to pass on. */
export function CreateTenantForm() {
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(adminCreateTenantSchema), defaultValues: { name: "", slug: "", ownerEmail: "" } });
  const { errors, isSubmitting, dirtyFields } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, createTenantAction, (data, values) => {
    setCreated({ ...data, email: values.ownerEmail });
    form.reset();
  });

  if (created) {
    return (
      <div className="space-y-4 rounded-lg border border-green-200 bg-white p-5 shadow-sm" role="status">
        <p className="text-sm">
          <span className="font-medium">{created.name}</span> was created at <span className="font-mono">/t/{created.slug}</span>.
        </p>
        {created.delivered ? (
          <p className="text-sm text-slate-600">An invitation to become its owner was mailed to {created.email}.</p>
        ) : (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm font-medium text-amber-900">No mail server is configured. Send this owner invitation link to {created.email} yourself:</p>
            <div className="mt-2 flex items-center gap-2">
              <code data-testid="invitation-url" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200">{created.url}</code>
              <Button type="button" variant="secondary" size="sm" onClick={() => navigator.clipboard?.writeText(created.url ?? "")}>Copy</Button>
            </div>
            <p className="mt-2 text-xs text-amber-800">It works once and expires in 7 days.</p>
          </div>
        )}
        <div className="flex gap-2">
          <Link href={`/admin/tenants/${created.id}`} className="text-sm font-medium text-brand-700 hover:underline">Open tenant</Link>
          <button type="button" className="text-sm text-slate-500 hover:text-slate-900" onClick={() => setCreated(null)}>Create another</button>
        </div>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Field label="Organisation name" htmlFor="new-name" error={errors.name?.message}>
        <Input
          id="new-name"
          aria-invalid={!!errors.name}
          {...form.register("name", {
            // Suggest an address from the name until the admin edits the address themselves.
            onChange: (e) => !dirtyFields.slug && form.setValue("slug", slugify(e.target.value)),
          })}
        />
      </Field>
      <Field label="Address" htmlFor="new-slug" error={errors.slug?.message} hint="Lower-case letters, digits and dashes: /t/<address>">
        <Input id="new-slug" className="font-mono" aria-invalid={!!errors.slug} {...form.register("slug")} />
      </Field>
      <Field label="First owner's email" htmlFor="new-owner" error={errors.ownerEmail?.message} hint="They get an invitation to join as owner.">
        <Input id="new-owner" type="email" aria-invalid={!!errors.ownerEmail} {...form.register("ownerEmail")} />
      </Field>
      {formError ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{formError}</p> : null}
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Creating…" : "Create tenant"}</Button>
    </form>
  );
}
