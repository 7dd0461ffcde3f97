"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "./invite-actions";

export function InviteAcceptButton({ token, tenantName }: { token: string; tenantName: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-6 space-y-3">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            // On success the action redirects into the tenant; only failures come back here.
            const result = await acceptInvitationAction(token);
            if (!result.ok) setError(result.error.message);
          })
        }
      >
        {pending ? "Joining…" : `Join ${tenantName}`}
      </Button>
    </div>
  );
}
