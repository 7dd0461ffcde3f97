"use client";
import { signInWithCredentials } from "./credentials-sign-in";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { signUpSchema, type SignUpInput } from "@/lib/validations/auth";
import { signUpAction } from "./sign-up-actions";

export function SignUpForm() {
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "", organisation: "" },
  });
  const { errors, isSubmitting } = form.formState;

  // The server answers the same whether or not the address already had an account (so the form
  // cannot tell anyone who has one); signing in with what was just typed is what finds out.
  const { onSubmit, formError } = useActionSubmit(form, signUpAction, async (_data, values) => {
    const signedIn = await signInWithCredentials(values.email, values.password);
    if (!signedIn || signedIn.error) {
      return "We could not sign you in with this email and password. If the address already has an account, we have emailed it: sign in with its password, or use “Forgot password?”.";
    }
    // A full navigation (the router may hold pages rendered before the session existed) to "/",
    // which opens the new user's organisation.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a fresh document is the point
    window.location.assign("/");
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field label="Your name" htmlFor="name" error={errors.name?.message}>
        <Input id="name" autoComplete="name" autoFocus aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label="Work email" htmlFor="email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" aria-invalid={!!errors.email} {...form.register("email")} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password?.message} hint="At least 10 characters">
        <Input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </Field>
      <Field label="Organisation" htmlFor="organisation" error={errors.organisation?.message}>
        <Input id="organisation" autoComplete="organization" aria-invalid={!!errors.organisation} {...form.register("organisation")} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
