import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

// The token is in the path: no referrer may carry it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="text-lg font-semibold">Choose a new password</h1>
      <p className="mt-1 text-sm text-slate-500">Every device signed in to your account will be signed out.</p>
      <ResetPasswordForm token={token} />
      <p className="mt-4 text-center text-sm text-slate-500">
        Link expired?{" "}
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
          Ask for a new one
        </Link>
      </p>
    </>
  );
}
