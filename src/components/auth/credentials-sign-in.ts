"use client";
// Signing in with email and password from any form. On a browser's first visit there is no CSRF
// cookie yet, and the auth routes called in parallel (session, providers, csrf) each set one of
// their own: when their answers arrive out of order, the token sent back no longer matches the
// cookie kept, and the sign-in answers "?csrf=true" with no error, which looks like success and
// lands on the sign-in page again. By then the cookie has settled, so one retry signs in.
import { signIn, type SignInResponse } from "next-auth/react";

const csrfRefused = (result: SignInResponse | undefined) => Boolean(result?.url && new URL(result.url, window.location.origin).searchParams.get("csrf"));

export async function signInWithCredentials(email: string, password: string): Promise<SignInResponse | undefined> {
  const first = await signIn("credentials", { email, password, redirect: false });
  if (!csrfRefused(first)) return first;
  const again = await signIn("credentials", { email, password, redirect: false });
  // Refused twice: say so rather than pretend the sign-in worked.
  return csrfRefused(again) ? { ok: false, error: "The sign-in could not be verified. Reload the page and try again.", status: 403, url: null } : again;
}
