import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser } from "@/server/auth/session-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await resolveSessionUser(await getServerSession(authOptions));
  if (!user) redirect("/sign-in?callbackUrl=%2Fchange-password");
  return (
    <>
      <h1 className="text-lg font-semibold">Change your password</h1>
      <p className="mt-1 text-sm text-slate-500">Signed in as {user.email}. Other devices will be signed out.</p>
      <ChangePasswordForm callbackUrl="/" />
      <p className="mt-4 text-center text-sm text-slate-500">
        <Link href="/" className="font-medium text-brand-600 hover:underline">
          Back to your workspace
        </Link>
      </p>
    </>
  );
}
