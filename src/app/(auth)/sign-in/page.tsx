import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/ui/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/urls";
import { publicBaseUrl } from "@/server/http/public-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string; notice?: string }> }) {
  const { callbackUrl, email, notice } = await searchParams;
  // Only paths of this app: an open redirect would help phishing.
  const next = safeRedirectPath(callbackUrl, publicBaseUrl(await headers()));
  return (
    <>
      <h1 className="text-lg font-semibold">Sign in to your workspace</h1>
      <p className="mt-1 text-sm text-slate-500">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create an organisation
        </Link>
      </p>
      {notice === "password-reset" ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your password was changed and every earlier session was signed out. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm callbackUrl={next} defaultEmail={typeof email === "string" ? email.slice(0, 200) : ""} />
    </>
  );
}
