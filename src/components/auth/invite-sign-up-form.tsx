"use client";
import { signInWithCredentials } from "./credentials-sign-in";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { invitationSignUpSchema, type InvitationSignUpInput } from "@/lib/validations/invitation";
import { inviteSignUpAction } from "./invite-actions";

/** Sign-up through an invitation: the email is the invited one (shown, not editable), no organisation is created. */
export function InviteSignUpForm({ token, email, tenantName }: { token: string; email: string; tenantName: string }) {
  const form = useForm<InvitationSignUpInput>({
    resolver: zodResolver(invitationSignUpSchema),
    defaultValues: { token, name: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, inviteSignUpAction, async (data, values) => {
    const signedIn = await signInWithCredentials(data.email, values.password);
    if (!signedIn || signedIn.error) {
      // Also the answer when the address already had an account (the server does not say so).
      return "We could not sign you in with this password. If you already have an account with this address, sign in with its password to accept; we have emailed you.";
    }
    // A full navigation: the router may hold pages rendered before the session existed.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a fresh document is the point
    window.location.assign(`/t/${data.tenantSlug}/cases`);
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field label="Email" htmlFor="email" hint="The invitation is for this address">
        <Input id="email" type="email" value={email} readOnly aria-readonly="true" className="bg-slate-50 text-slate-600" />
      </Field>
      <Field label="Your name" htmlFor="name" error={errors.name?.message}>
        <Input id="name" autoComplete="name" autoFocus aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password?.message} hint="At least 10 characters">
        <Input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Joining…" : `Create account and join ${tenantName}`}
      </Button>
    </form>
  );
}
