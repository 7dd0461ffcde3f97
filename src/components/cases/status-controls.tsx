"use client";
// Only the next states the status machine allows are offered; snoozing asks until when.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { allowedTransitions } from "@/lib/case-status";
import type { CaseStatus } from "@/lib/validations/case";

const ACTION_LABEL: Record<CaseStatus, string> = {
  NEW: "New",
  OPEN: "Open",
  PENDING: "Mark pending",
  SNOOZED: "Snooze…",
  RESOLVED: "Resolve",
  CLOSED: "Close",
};

/** Tomorrow at 09:00 local time, as a datetime-local value. */
function tomorrowMorning(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Props {
  status: CaseStatus;
  disabled: boolean;
  onTransition: (to: CaseStatus, until?: Date) => void;
}

export function StatusControls({ status, disabled, onTransition }: Props) {
  const [snoozing, setSnoozing] = useState(false);
  const [until, setUntil] = useState(tomorrowMorning);
  const next = allowedTransitions(status);
  if (next.length === 0) return null;

  if (snoozing) {
    return (
      <form
        method="post"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onTransition("SNOOZED", new Date(until));
          setSnoozing(false);
        }}
      >
        <label htmlFor="snooze-until" className="text-sm text-slate-600">
          Snooze until
        </label>
        <Input id="snooze-until" type="datetime-local" required value={until} onChange={(e) => setUntil(e.target.value)} className="h-8 w-auto" />
        <Button type="submit" size="sm" disabled={disabled}>
          Snooze
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setSnoozing(false)}>
          Cancel
        </Button>
      </form>
    );
  }

  return (
    <div className="flex flex-wrap gap-2" aria-label="Change status">
      {next.map((to) => (
        <Button
          key={to}
          size="sm"
          variant={to === "RESOLVED" ? "primary" : "secondary"}
          disabled={disabled}
          onClick={() => (to === "SNOOZED" ? setSnoozing(true) : onTransition(to))}
        >
          {to === "OPEN" && status === "RESOLVED" ? "Reopen" : ACTION_LABEL[to]}
        </Button>
      ))}
    </div>
  );
}
