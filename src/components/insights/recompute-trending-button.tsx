"use client";
// "Recompute now": enqueues the tenant's computation, then re-reads the page every two seconds
// until a newer run than the one shown arrives (or a minute passes, when the jobs page says why).
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { recomputeTrendingAction } from "./insights-actions";

const POLL_MS = 2_000;
const GIVE_UP_MS = 60_000;

export function RecomputeTrendingButton({ runId }: { runId: string | null }) {
  const router = useRouter();
  const [waitingSince, setWaitingSince] = useState<{ runId: string | null; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const waiting = waitingSince !== null && waitingSince.runId === runId;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (Date.now() - waitingSince.at > GIVE_UP_MS) {
        setWaitingSince(null);
        setError("Still computing; the Jobs page shows its progress.");
        return;
      }
      startTransition(() => router.refresh());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, waitingSince, router]);

  async function recompute() {
    setError(null);
    const result = await recomputeTrendingAction();
    if (!result.ok) setError(result.error.message);
    else setWaitingSince({ runId, at: Date.now() });
  }

  return (
    <div className="flex items-center gap-2">
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="button" variant="secondary" onClick={recompute} disabled={waiting}>
        {waiting ? "Computing…" : "Recompute now"}
      </Button>
    </div>
  );
}
