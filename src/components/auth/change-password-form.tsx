"use client";
import { signInWithCredentials } from "./credentials-sign-in";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validations/auth";
import { changePasswordAction } from "./password-actions";

/**
 * Changing the password ends every session, this one included. The form then signs in again
 * with the new password, so the person who just proved both passwords keeps working.
 */
export function ChangePasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: "", newPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, changePasswordAction, async (data, values) => {
    const signedIn = await signInWithCredentials(data.email, values.newPassword);
    if (!signedIn || signedIn.error) {
      // The old session is dead: a fresh document, not a client transition.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a fresh document is the point
      window.location.assign(`/sign-in?notice=password-reset&email=${encodeURIComponent(data.email)}`);
      return;
    }
    setDone(true);
    form.reset();
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field label="Current password" htmlFor="currentPassword" error={errors.currentPassword?.message}>
        <Input id="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errors.currentPassword} {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" htmlFor="newPassword" error={errors.newPassword?.message} hint="At least 10 characters">
        <Input id="newPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.newPassword} {...form.register("newPassword")} />
      </Field>
      <FormError message={formError} />
      {done ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Password changed. Every other session was signed out.{" "}
          <a href={callbackUrl} className="font-medium underline">
            Back to work
          </a>
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
