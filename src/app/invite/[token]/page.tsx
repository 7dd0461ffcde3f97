// The page behind an invitation link. Who is looking decides what it offers: the invited person
// signed in → join; signed out → sign in, or sign up with the invited email; someone else → sign out.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getServerSession } from "next-auth";
import { InviteAcceptButton } from "@/components/auth/invite-accept-button";
import { InviteSignUpForm } from "@/components/auth/invite-sign-up-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonVariants } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import { authOptions } from "@/server/auth/options";
import { resolveSessionUser } from "@/server/auth/session-user";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const UNUSABLE = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn.",
  expired: "This invitation has expired.",
  unknown: "This invitation link is not valid.",
  unavailable: "This organisation is not accepting new members right now.",
  inviter: "The person who sent this invitation can no longer invite you with this role.",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, user] = await Promise.all([
    api.invitations.preview({ token }),
    getServerSession(authOptions).then(resolveSessionUser),
  ]);

  if (!preview.valid) {
    return (
      <>
        <h1 className="text-lg font-semibold">Invitation unavailable</h1>
        <p role="alert" className="mt-2 text-sm text-slate-600">
          {UNUSABLE[preview.reason]}{" "}
          {preview.reason === "inviter"
            ? "Ask someone in the organisation to invite you again."
            : "Ask the person who invited you to send a new invitation."}
        </p>
        <Link href="/" className={buttonVariants({ variant: "secondary", className: "mt-6 w-full" })}>
          Go to Caseboard
        </Link>
      </>
    );
  }

  const role = preview.role.toLowerCase();
  const self = `/invite/${token}`;
  const intro = (
    <>
      <h1 className="text-lg font-semibold">Join {preview.tenantName}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {preview.inviterName ? `${preview.inviterName} invited you` : "You have been invited"} (<strong>{preview.email}</strong>) to join{" "}
        <strong>{preview.tenantName}</strong> as <strong>{role}</strong>.
      </p>
      <p className="mt-1 text-xs text-slate-500">The link works once, until {formatDate(preview.expiresAt)}.</p>
    </>
  );

  if (user && user.email === preview.email) {
    return (
      <>
        {intro}
        <InviteAcceptButton token={token} tenantName={preview.tenantName} />
      </>
    );
  }

  if (user) {
    return (
      <>
        {intro}
        <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are signed in as {user.email}, but this invitation is for {preview.email}. Sign out, then open the link again as
          the invited person.
        </p>
        <div className="mt-6">
          <SignOutButton callbackUrl={self}>Sign out</SignOutButton>
        </div>
      </>
    );
  }

  // Whether the address already has an account is not shown (the preview does not say, so the
  // link cannot be used to find out): both ways in are offered.
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(self)}&email=${encodeURIComponent(preview.email)}`;
  return (
    <>
      {intro}
      <p className="mt-4 text-sm text-slate-600">Already have an account with this address? Sign in to accept.</p>
      <Link href={signInHref} className={buttonVariants({ variant: "secondary", className: "mt-3 w-full" })}>
        Sign in as {preview.email}
      </Link>
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-600">New to Caseboard? Create your account:</p>
      <InviteSignUpForm token={token} email={preview.email} tenantName={preview.tenantName} />
    </>
  );
}
