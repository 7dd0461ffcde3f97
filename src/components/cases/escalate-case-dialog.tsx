"use client";
// "Escalate": to one of the tenant's levels (settings), optionally to a team, a business unit and
// a priority, with a reason the team sees in its inbox. "De-escalate" takes it back, with an
// optional reason. Both name the version the member read; a CONFLICT says someone changed the
// case meanwhile and reloads it, so the next try is based on what is there now.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDownCircle, ArrowUpCircle } from "lucide-react";
import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { CasePriority } from "@/lib/validations/case";
import { PriorityOptions } from "./case-badges";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import type { CaseDetail } from "./case-types";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { deescalateCaseAction, escalateCaseAction } from "./share-escalate-actions";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";

type Dialog = "escalate" | "deescalate" | null;

export function EscalationButtons({ c }: { c: CaseDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <>
      {c.status !== "CLOSED" ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("escalate")}>
          <ArrowUpCircle className="size-4" aria-hidden /> {c.escalationLevel ? "Escalate further" : "Escalate"}
        </Button>
      ) : null}
      {c.escalationLevel ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("deescalate")}>
          <ArrowDownCircle className="size-4" aria-hidden /> De-escalate
        </Button>
      ) : null}
      <ModalDialog
        open={dialog !== null}
        onClose={close}
        title={dialog === "deescalate" ? `De-escalate #${c.number}` : `Escalate #${c.number}`}
        description={
          dialog === "deescalate"
            ? `It is escalated to ${c.escalationLevel ?? "—"}. The timeline records that it no longer is.`
            : "The team you choose (or, without one, the admins) gets it in their inbox with your reason."
        }
      >
        {dialog === "escalate" ? <EscalateForm c={c} onDone={close} /> : dialog === "deescalate" ? <DeescalateForm c={c} onDone={close} /> : null}
      </ModalDialog>
    </>
  );
}

/** Puts the answer into the cached case (or reloads it after a conflict); returns the message to show, if any. */
function useApply(c: CaseDetail) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (result: ActionResult<CaseDetail>): Promise<string | null> => {
    if (result.ok) {
      queryClient.setQueryData(trpc.cases.get.queryKey({ number: c.number }), result.data);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() }),
      ]);
      return null;
    }
    if (result.error.code === "CONFLICT") {
      await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ number: c.number }) });
      return "Someone changed this case meanwhile. It now shows their version; check it and try again.";
    }
    return result.error.message;
  };
}

function EscalateForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const tenant = useQuery(trpc.tenant.current.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const apply = useApply(c);
  const levels = tenant.data?.settings.escalationLevels ?? [];
  const units = tenant.data?.settings.businessUnits ?? [];
  // The next level up is the likely choice; the first when not escalated yet.
  const suggested = levels[Math.min(levels.indexOf(c.escalationLevel ?? "") + 1, levels.length - 1)] ?? "";
  const [level, setLevel] = useState<string | null>(null);
  const [teamId, setTeamId] = useState("");
  const [businessUnit, setBusinessUnit] = useState("");
  const [priority, setPriority] = useState<CasePriority | "">("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [pending, setPending] = useState(false);
  const chosenLevel = level ?? suggested;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setErrors({ reason: "Say why, in at least 3 characters" });
    setPending(true);
    setErrors({});
    const result = await escalateCaseAction({
      id: c.id,
      version: c.version,
      level: chosenLevel,
      teamId: teamId || null,
      businessUnit: businessUnit || null,
      priority: priority || null,
      reason: reason.trim(),
    });
    setPending(false);
    if (!result.ok && result.error.fieldErrors && Object.keys(result.error.fieldErrors).length) {
      return setErrors(Object.fromEntries(Object.entries(result.error.fieldErrors).map(([k, v]) => [k, v[0]])));
    }
    const message = await apply(result);
    if (message) return setErrors({ form: message });
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Level" htmlFor="escalate-level" error={errors.level}>
          <Select id="escalate-level" value={chosenLevel} onChange={(e) => setLevel(e.target.value)} aria-invalid={!!errors.level}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Team" htmlFor="escalate-team" error={errors.teamId}>
          <Select id="escalate-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">{c.team ? `Keep (${c.team.name})` : "No team (admins)"}</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        {units.length ? (
          <Field label="Business unit" htmlFor="escalate-unit" error={errors.businessUnit}>
            <Select id="escalate-unit" value={businessUnit} onChange={(e) => setBusinessUnit(e.target.value)}>
              <option value="">Keep ({c.businessUnit ?? "none"})</option>
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="Priority" htmlFor="escalate-priority" error={errors.priority}>
          <Select id="escalate-priority" value={priority} onChange={(e) => setPriority(e.target.value as CasePriority | "")}>
            <option value="">Keep ({c.priority.charAt(0) + c.priority.slice(1).toLowerCase()})</option>
            <PriorityOptions />
          </Select>
        </Field>
      </div>
      <Field label="Reason" htmlFor="escalate-reason" error={errors.reason} hint="Required. The team sees it with the case.">
        <Textarea id="escalate-reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} />
      </Field>
      <FormAlert message={errors.form} />
      <DialogActions onCancel={onDone} label="Escalate" pendingLabel="Escalating…" pending={pending} disabled={!chosenLevel} />
    </form>
  );
}

function DeescalateForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const apply = useApply(c);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const message = await apply(await deescalateCaseAction({ id: c.id, version: c.version, reason: reason.trim() || undefined }));
    setPending(false);
    if (message) return setError(message);
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Reason" htmlFor="deescalate-reason" hint="Optional.">
        <Textarea id="deescalate-reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormAlert message={error} />
      <DialogActions onCancel={onDone} label="De-escalate" pendingLabel="De-escalating…" pending={pending} />
    </form>
  );
}
