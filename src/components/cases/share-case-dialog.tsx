"use client";
// "Share": pick members and teams, write a note; each of them gets it in their inbox with a link.
// The same form shares a saved view (saved-views-menu.tsx). The list leaves out the signed-in
// member (a share to oneself reaches nobody); a team's members are reached even when they are
// not ticked one by one.
import { useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useMemo, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { useSignedInUserId } from "@/trpc/realtime/use-realtime";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { shareCaseAction } from "./share-escalate-actions";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";

const NOTE_MAX = 1000;

export function ShareCaseButton({ caseId, number }: { caseId: string; number: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)}>
        <Send className="size-4" aria-hidden /> Share
      </Button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={`Share #${number}`} description="They get it in their inbox with your note and a link.">
        <ShareForm onSubmit={(values) => shareCaseAction({ id: caseId, ...values })} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

interface ShareValues {
  userIds: string[];
  teamIds: string[];
  note: string;
}

export function ShareForm({ onSubmit, onDone }: { onSubmit: (values: ShareValues) => Promise<ActionResult<{ recipients: number }>>; onDone: () => void }) {
  const trpc = useTRPC();
  const me = useSignedInUserId();
  const members = useQuery(trpc.members.list.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [filter, setFilter] = useState("");
  const [userIds, setUserIds] = useState<Set<string>>(new Set());
  const [teamIds, setTeamIds] = useState<Set<string>>(new Set());
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ recipients?: string; note?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  const needle = filter.trim().toLowerCase();
  const people = useMemo(
    () => (members.data ?? []).filter((m) => m.userId !== me && (!needle || `${m.name} ${m.email}`.toLowerCase().includes(needle))),
    [members.data, me, needle],
  );
  const groups = useMemo(() => (teams.data ?? []).filter((t) => !needle || t.name.toLowerCase().includes(needle)), [teams.data, needle]);
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const trimmed = note.trim();
    const local = {
      recipients: userIds.size + teamIds.size === 0 ? "Choose at least one member or team" : undefined,
      note: !trimmed ? "Add a note so they know why" : trimmed.length > NOTE_MAX ? "Use at most 1,000 characters" : undefined,
    };
    if (local.recipients || local.note) return setErrors(local);
    setPending(true);
    setErrors({});
    const result = await onSubmit({ userIds: [...userIds], teamIds: [...teamIds], note: trimmed });
    setPending(false);
    if (!result.ok) {
      const fe = result.error.fieldErrors ?? {};
      const placed = { recipients: fe.userIds?.[0] ?? fe.teamIds?.[0], note: fe.note?.[0] };
      return setErrors(placed.recipients || placed.note ? placed : { form: result.error.message });
    }
    setSent(result.data.recipients);
  }

  if (sent !== null) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-green-700">
          Shared with {sent} {sent === 1 ? "person" : "people"}.
        </p>
        <div className="flex justify-end">
          <Button type="button" onClick={onDone}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset className="space-y-2" aria-describedby={errors.recipients ? "share-recipients-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Share with</legend>
        <Input aria-label="Find members or teams" placeholder="Find members or teams" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="max-h-56 overflow-y-auto rounded-md border border-slate-200">
          {members.isPending || teams.isPending ? <p className="px-3 py-2 text-sm text-slate-500">Loading…</p> : null}
          {groups.length ? (
            <div role="group" aria-label="Teams" className="border-b border-slate-100 py-1">
              {groups.map((t) => (
                <Choice key={t.id} checked={teamIds.has(t.id)} onChange={() => setTeamIds((s) => toggle(s, t.id))} label={t.name} hint={`Team · ${t.members.length} ${t.members.length === 1 ? "member" : "members"}`} />
              ))}
            </div>
          ) : null}
          <div role="group" aria-label="Members" className="py-1">
            {people.map((m) => (
              <Choice key={m.userId} checked={userIds.has(m.userId)} onChange={() => setUserIds((s) => toggle(s, m.userId))} label={m.name} hint={m.email} />
            ))}
            {members.data && people.length === 0 && groups.length === 0 ? <p className="px-3 py-2 text-sm text-slate-500">Nobody matches.</p> : null}
          </div>
        </div>
        {errors.recipients ? (
          <p id="share-recipients-error" role="alert" className="text-sm text-red-600">
            {errors.recipients}
          </p>
        ) : null}
      </fieldset>
      <Field label="Note" htmlFor="share-note" error={errors.note} hint={`${note.trim().length}/${NOTE_MAX}`}>
        <Textarea id="share-note" rows={3} value={note} maxLength={NOTE_MAX + 100} aria-invalid={!!errors.note} onChange={(e) => setNote(e.target.value)} placeholder="Why are you sharing this?" />
      </Field>
      <FormAlert message={errors.form} />
      <DialogActions onCancel={onDone} label="Share" pendingLabel="Sharing…" pending={pending} />
    </form>
  );
}

function Choice({ checked, onChange, label, hint }: { checked: boolean; onChange: () => void; label: string; hint: string }) {
  return (
    <label className="flex cursor-pointer items-center gap-2.5 px-3 py-1.5 text-sm hover:bg-slate-50 has-[:checked]:bg-brand-50">
      <input type="checkbox" checked={checked} onChange={onChange} className="size-4 shrink-0 accent-brand-600" />
      <span className="min-w-0">
        <span className="block truncate text-slate-900">{label}</span>
        <span className="block truncate text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}
