"use client";
// "Merge a duplicate into this case": pick the duplicate by number, see what it is, confirm.
// The duplicate then closes with a "Merged into #N" banner and its messages move here.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { GitMerge } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useDebounced } from "@/components/command/use-debounced";
import { parseCaseNumber } from "@/components/command/palette-commands";
import { useTRPC } from "@/trpc/react";
import { mergeCasesAction } from "./case-actions";
import { StatusBadge } from "./case-badges";
import type { CaseDetail } from "./case-types";
import { mergeRefusal, messageCountLabel } from "./merge-plan";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";

export function MergeCaseButton({ target }: { target: CaseDetail }) {
  const [open, setOpen] = useState(false);
  if (target.status === "CLOSED") return null;
  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)}>
        <GitMerge className="size-4" aria-hidden /> Merge a duplicate
      </Button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Merge a duplicate into #${target.number}`}
        description="The duplicate's messages and activity move here; the duplicate closes and points to this case."
      >
        <MergeForm target={target} onDone={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function MergeForm({ target, onDone }: { target: CaseDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const number = useDebounced(parseCaseNumber(text), 300);
  const source = useQuery({ ...trpc.cases.get.queryOptions({ number: number ?? 1 }), enabled: number !== null, retry: false });
  const found = number !== null && source.data ? source.data : null;
  const timeline = useQuery({ ...trpc.cases.timeline.queryOptions({ caseId: found?.id ?? "", limit: 200 }), enabled: found !== null });
  const refusal = found ? mergeRefusal(found, target) : null;
  const messages = timeline.data ? timeline.data.items.filter((i) => i.type === "message").length : null;

  async function confirm() {
    if (!found || refusal) return;
    setPending(true);
    setError(null);
    const result = await mergeCasesAction({ sourceId: found.id, targetId: target.id, sourceVersion: found.version, targetVersion: target.version });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    onDone();
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <Field label="Duplicate case number" htmlFor="merge-source" hint="e.g. 1042 or #1042">
        <Input id="merge-source" autoFocus inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} placeholder="#" />
      </Field>
      <div aria-live="polite" className="min-h-16">
        {number === null ? null : source.isPending ? (
          <p className="text-sm text-slate-500">Looking up #{number}…</p>
        ) : !found ? (
          <p className="text-sm text-slate-600">No case #{number} in this organisation.</p>
        ) : (
          <div className="rounded-md border border-slate-200 p-3 text-sm" aria-label="Duplicate preview">
            <div className="flex items-center gap-2">
              <span className="font-mono text-xs text-slate-500">#{found.number}</span>
              <StatusBadge status={found.status} />
            </div>
            <p className="mt-1 line-clamp-2 break-words font-medium">{found.title}</p>
            <p className="mt-1 text-slate-600">
              {found.customer?.name ?? "No customer"} · {messages === null ? "counting messages…" : messageCountLabel(messages, Boolean(timeline.data?.nextCursor))}
            </p>
            {refusal ? <p className="mt-2 text-red-700">{refusal}</p> : null}
          </div>
        )}
      </div>
      <FormAlert message={error} />
      <DialogActions onCancel={onDone} label={found ? `Merge #${found.number} into #${target.number}` : "Merge"} pendingLabel="Merging…" pending={pending} disabled={!found || Boolean(refusal)} onConfirm={confirm} />
    </div>
  );
}
