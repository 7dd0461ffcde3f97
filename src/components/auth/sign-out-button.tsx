"use client";
import { Button } from "@/components/ui/button";
import { signOutTo } from "./sign-out";

/** Signs out and comes back to `callbackUrl` (e.g. the invitation, to sign in as the right person). */
export function SignOutButton({ callbackUrl, children }: { callbackUrl: string; children: React.ReactNode }) {
  return (
    <Button type="button" variant="secondary" className="w-full" onClick={() => void signOutTo(callbackUrl)}>
      {children}
    </Button>
  );
}
