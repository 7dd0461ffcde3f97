"use client";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { STATUS_LABELS } from "@/lib/case-status";
import type { CaseDetail } from "./case-types";

const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();

/** Shown instead of overwriting when the case changed since this screen read it. */
export function ConflictBanner({ current, onReload }: { current: CaseDetail; onReload: () => void }) {
  return (
    <div role="alert" className="mt-4 flex flex-wrap items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-amber-900">Someone else changed this case</p>
        <p className="mt-0.5 text-amber-800">
          Your change was not saved. It is now {STATUS_LABELS[current.status].toLowerCase()}, {label(current.priority).toLowerCase()} priority,{" "}
          {current.assignee ? `assigned to ${current.assignee.name}` : "unassigned"}. Reload to see it, then make your change again.
        </p>
      </div>
      <Button size="sm" variant="secondary" onClick={onReload}>
        Reload case
      </Button>
    </div>
  );
}
