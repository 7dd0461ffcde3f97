"use client";
import { signInWithCredentials } from "./credentials-sign-in";
import { useState } from "react";
import { Link } from "@/components/ui/link";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { safeRedirectPath } from "@/lib/urls";

// The sign-in page is the first one anyone loads, so its form checks with react-hook-form's own
// rules instead of the zod schema (zod and its resolver were a fifth of the page's JavaScript).
// The server still parses the same input with signInSchema; these rules only spare a round trip
// and keep that schema's messages.
type Values = { email: string; password: string };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailRules = {
  setValueAs: (value: string) => value.trim().toLowerCase(),
  required: "Enter a valid email address",
  pattern: { value: EMAIL_SHAPE, message: "Enter a valid email address" },
};
const passwordRules = { required: "Enter your password", maxLength: { value: 200, message: "Use at most 200 characters" } };

export function SignInForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: { email: defaultEmail, password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signInWithCredentials(values.email, values.password);
    if (!result || result.error) {
      // next-auth passes the message of an error thrown while signing in (e.g. a lockout).
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "The email or password is not right.");
      return;
    }
    // A full navigation: the router may hold pages rendered before the session existed.
    window.location.assign(safeRedirectPath(callbackUrl, window.location.origin));
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field label="Email" htmlFor="email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" autoFocus aria-invalid={!!errors.email} {...form.register("email", emailRules)} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...form.register("password", passwordRules)} />
      </Field>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
          Forgot password?
        </Link>
      </p>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
