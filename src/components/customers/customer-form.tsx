"use client";
// Create or edit a customer. Email and phone arrive masked for members without pii:read; then
// they are shown read-only and never sent back, so a mask can never overwrite the real value.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { CustomerView } from "@/components/cases/case-types";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { createCustomerSchema } from "@/lib/validations/customer";
import { createCustomerAction, updateCustomerAction } from "./customer-actions";

const formSchema = createCustomerSchema.omit({ attributes: true });
// Masked values are display-only (and not valid addresses), so they skip validation.
const maskedFormSchema = formSchema.extend({ email: z.string().nullish(), phone: z.string().nullish() });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const toForm = (c?: CustomerView): FormInput => ({
  name: c?.name ?? "",
  email: c?.email ?? "",
  phone: c?.phone ?? "",
  company: c?.company ?? "",
  externalId: c?.externalId ?? "",
  notes: c?.notes ?? "",
});

/** `stacked` puts every field on its own row, for the narrow panel beside a customer's cases. */
export function CustomerForm({ slug, customer, stacked }: { slug: string; customer?: CustomerView; stacked?: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(customer?.version);
  const masked = customer?.piiMasked ?? false;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver((masked ? maskedFormSchema : formSchema) as typeof formSchema),
    defaultValues: toForm(customer),
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    if (!customer) {
      const result = await createCustomerAction(slug, values);
      if (!result.ok) return setFormError(applyServerErrors(form, result.error));
      router.push(`/t/${slug}/customers/${result.data.id}`);
      return;
    }
    const { email, phone, ...rest } = values;
    const result = await updateCustomerAction(slug, { id: customer.id, version: version!, ...rest, ...(masked ? {} : { email, phone }) });
    if (result.ok) {
      setVersion(result.data.version);
      form.reset(values);
      setSaved(true);
      router.refresh();
    } else if (result.current) {
      // Show the other person's values; the user's edit is not applied and can be made again.
      setVersion(result.current.version);
      form.reset(toForm(result.current));
      setFormError("Someone else changed this customer meanwhile. The form now shows their version; make your change again.");
    } else {
      setFormError(applyServerErrors(form, result.error));
    }
  });

  const piiHint = masked ? "Hidden for your role" : undefined;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <Field label="Name" htmlFor="name" error={errors.name?.message}>
        <Input id="name" aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <div className={stacked ? "grid gap-5" : "grid gap-5 sm:grid-cols-2"}>
        <Field label="Email" htmlFor="email" error={errors.email?.message} hint={piiHint}>
          <Input id="email" type="email" readOnly={masked} aria-invalid={!!errors.email} className={masked ? "bg-slate-50 text-slate-500" : undefined} {...form.register("email")} />
        </Field>
        <Field label="Phone" htmlFor="phone" error={errors.phone?.message} hint={piiHint}>
          <Input id="phone" type="tel" readOnly={masked} aria-invalid={!!errors.phone} className={masked ? "bg-slate-50 text-slate-500" : undefined} {...form.register("phone")} />
        </Field>
        <Field label="Company" htmlFor="company" error={errors.company?.message}>
          <Input id="company" aria-invalid={!!errors.company} {...form.register("company")} />
        </Field>
        <Field label="External id" htmlFor="externalId" error={errors.externalId?.message} hint="Their id in your own systems">
          <Input id="externalId" aria-invalid={!!errors.externalId} {...form.register("externalId")} />
        </Field>
      </div>
      <Field label="Notes" htmlFor="notes" error={errors.notes?.message}>
        <Textarea id="notes" aria-invalid={!!errors.notes} {...form.register("notes")} />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formError}
        </p>
      ) : saved ? (
        <p role="status" className="text-sm text-green-700">
          Saved.
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        {!customer ? (
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : customer ? "Save changes" : "Create customer"}
        </Button>
      </div>
    </form>
  );
}
