"use client";
import { preloadSignIn, signInWithCredentials } from "./credentials-sign-in";
import { useState, type FormEvent } from "react";
import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { safeRedirectPath } from "@/lib/urls";

// The sign-in page is the first one anyone loads, so it carries no form library: two fields are
// read from the form itself on submit (zod and its resolver were a fifth of the page's JavaScript,
// react-hook-form another 12 kB), and next-auth's client loads when it is used. The server still
// parses the same input with signInSchema; these checks only spare a round trip and keep that
// schema's messages.
type Errors = { email?: string; password?: string };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email as the server compares it, and the messages for what is missing or malformed. */
function checkSignIn(rawEmail: string, password: string): { email: string; errors: Errors } {
  const email = rawEmail.trim().toLowerCase();
  const errors: Errors = {};
  if (!EMAIL_SHAPE.test(email)) errors.email = "Enter a valid email address";
  if (!password) errors.password = "Enter your password";
  else if (password.length > 200) errors.password = "Use at most 200 characters";
  return { email, errors };
}

export function SignInForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const data = new FormData(event.currentTarget);
    const { email, errors: found } = checkSignIn(String(data.get("email") ?? ""), String(data.get("password") ?? ""));
    setErrors(found);
    setFormError(null);
    if (found.email || found.password) {
      // As the form libraries do: the first field to fix gets the focus.
      (event.currentTarget.elements.namedItem(found.email ? "email" : "password") as HTMLInputElement | null)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const result = await signInWithCredentials(email, String(data.get("password")));
      if (!result || result.error) {
        // next-auth passes the message of an error thrown while signing in (e.g. a lockout).
        setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "The email or password is not right.");
        return;
      }
      // A full navigation: the router may hold pages rendered before the session existed.
      window.location.assign(safeRedirectPath(callbackUrl, window.location.origin));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    // next-auth's client loads on the first key or pointer press in the form (not on the email
    // field's automatic focus, which happens as the page loads), ahead of the submit.
    <form method="post" onSubmit={onSubmit} onKeyDown={preloadSignIn} onPointerDown={preloadSignIn} className="mt-6 space-y-4" noValidate>
      <Field label="Email" htmlFor="email" error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" autoFocus defaultValue={defaultEmail} aria-invalid={!!errors.email} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} />
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
      <Button type="submit" className="w-full" disabled={submitting}>
        {submitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
