"use client";
// A button that enqueues a tenant job (recompute trending, recount reports), then re-reads the
// page every two seconds until what the page shows has changed (a newer run, a later count), or a
// minute passes, when the Jobs page says why.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

const POLL_MS = 2_000;
const GIVE_UP_MS = 60_000;

interface Props {
  /** What the page shows now; a new value means the job's work arrived. */
  marker: string | null;
  action: () => Promise<ActionResult<{ jobId: string }>>;
  label: string;
  busyLabel: string;
}

export function RunAndRefreshButton({ marker, action, label, busyLabel }: Props) {
  const router = useRouter();
  const [waitingSince, setWaitingSince] = useState<{ marker: string | null; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const waiting = waitingSince !== null && waitingSince.marker === marker;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (Date.now() - waitingSince.at > GIVE_UP_MS) {
        setWaitingSince(null);
        setError("Still working; the Jobs page shows its progress.");
        return;
      }
      startTransition(() => router.refresh());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, waitingSince, router]);

  async function run() {
    setError(null);
    const result = await action();
    if (!result.ok) setError(result.error.message);
    else setWaitingSince({ marker, at: Date.now() });
  }

  return (
    <div className="flex items-center gap-2">
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="button" variant="secondary" onClick={run} disabled={waiting}>
        {waiting ? busyLabel : label}
      </Button>
    </div>
  );
}
