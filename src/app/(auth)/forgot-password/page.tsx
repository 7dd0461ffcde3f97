import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-lg font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-slate-500">Enter the email you sign in with and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="mt-4 text-center text-sm text-slate-500">
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
