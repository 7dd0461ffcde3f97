import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an organisation" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-lg font-semibold">Create your organisation</h1>
      <p className="mt-1 text-sm text-slate-500">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
      <SignUpForm />
    </>
  );
}
