"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signs out and comes back to `callbackUrl` (e.g. the invitation, to sign in as the right person). */
export function SignOutButton({ callbackUrl, children }: { callbackUrl: string; children: React.ReactNode }) {
  return (
    <Button type="button" variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl })}>
      {children}
    </Button>
  );
}
