"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { setTenantStatusAction } from "./admin-actions";

/** Suspend or reactivate, after a confirmation that asks why (the reason goes to the tenant's audit log). */
export function TenantStatusControl({ id, name, status }: { id: string; name: string; status: "ACTIVE" | "SUSPENDED" }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const suspending = status === "ACTIVE";
  const verb = suspending ? "Suspend" : "Reactivate";

  if (!confirming) {
    return (
      <Button type="button" variant={suspending ? "danger" : "primary"} onClick={() => setConfirming(true)}>
        {verb} tenant…
      </Button>
    );
  }
  return (
    <form
      className="w-full max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await setTenantStatusAction(id, suspending ? "SUSPENDED" : "ACTIVE", reason);
          if (!result.ok) return setError(result.error.fieldErrors?.reason?.[0] ?? result.error.message);
          setConfirming(false);
          setReason("");
        });
      }}
    >
      <p className="text-sm text-slate-700">
        {suspending
          ? `Every member and API key of ${name} is refused from their next request until the tenant is reactivated.`
          : `Members and API keys of ${name} can work again at once.`}
      </p>
      <Field label="Reason" htmlFor="status-reason" error={error ?? undefined} hint="Kept in the tenant's audit log.">
        <Textarea id="status-reason" rows={2} className="min-h-0" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant={suspending ? "danger" : "primary"} disabled={pending}>
          {pending ? `${verb.replace(/e$/, "")}ing…` : `${verb} ${name}`}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>Cancel</Button>
      </div>
    </form>
  );
}
