"use client";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "./session-actions";
import { signOutTo } from "./sign-out";
import { confirmAction } from "@/components/ui/confirm";

/** Ends every session of the account (other browsers and devices too), then signs this one out. */
export function SignOutEverywhereButton({ className }: { className?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={async () => {
          const sure = await confirmAction({
            title: "Sign out everywhere?",
            description: "Every browser and device where you are signed in is signed out, this one too.",
            confirmLabel: "Sign out everywhere",
          });
          if (!sure) return;
          startTransition(async () => {
            setError(null);
            const result = await signOutEverywhereAction();
            if (!result.ok) {
              setError(result.error.message);
              return;
            }
            // The server already refuses this session; this clears the cookie and leaves.
            await signOutTo("/sign-in");
          });
        }}
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
