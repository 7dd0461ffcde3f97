"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelDeletionAction } from "./general-actions";

/** An owner's way back during the grace period. */
export function CancelDeletionButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await cancelDeletionAction(slug);
            if (!result.ok) return setError(result.error.message);
            router.push(`/t/${slug}/settings/general`);
            router.refresh();
          })
        }
      >
        {pending ? "Cancelling…" : "Cancel deletion"}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
