"use client";
// Signing in with email and password from any form. On a browser's first visit there is no CSRF
// cookie yet, and the auth routes called in parallel (session, providers, csrf) each set one of
// their own: when their answers arrive out of order, the token sent back no longer matches the
// cookie kept, and the sign-in answers "?csrf=true" with no error, which looks like success and
// lands on the sign-in page again. By then the cookie has settled, so one retry signs in.
// next-auth's client loads with the first attempt (or when the form is first touched, see
// preloadSignIn) rather than with the page: the sign-in page then sends only what it shows.
import type { SignInResponse } from "next-auth/react";
import { loadOnce } from "@/lib/load-once";

const loadClient = loadOnce(() => import("next-auth/react"));

/** Starts loading the sign-in client early (the form's first key or pointer press), so the click does not wait. */
export function preloadSignIn(): void {
  void loadClient().catch(() => undefined);
}

const csrfRefused = (result: SignInResponse | undefined) => Boolean(result?.url && new URL(result.url, window.location.origin).searchParams.get("csrf"));

export async function signInWithCredentials(email: string, password: string): Promise<SignInResponse | undefined> {
  const { signIn } = await loadClient();
  const first = await signIn("credentials", { email, password, redirect: false });
  if (!csrfRefused(first)) return first;
  const again = await signIn("credentials", { email, password, redirect: false });
  // Refused twice: say so rather than pretend the sign-in worked.
  return csrfRefused(again) ? { ok: false, error: "The sign-in could not be verified. Reload the page and try again.", status: 403, url: null } : again;
}
