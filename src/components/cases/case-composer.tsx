"use client";
// Reply to the customer or leave an internal note. Typing @ suggests members; a mention
// notifies them and makes them follow the case (done by the server on save). Typing / offers
// canned responses and macros, filled for the case (use-canned-insert.ts); a macro's actions run
// with Send, in the same transaction as the message (macros.run). Files (the paperclip, a drop
// onto the composer, a paste) upload as soon as they are added and go with Send.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import type { AddCaseMessageInput } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { useMarkReplying, useSignedInUserId } from "@/trpc/realtime/use-realtime";
import { addCaseMessageAction } from "./case-actions";
import { AttachFilesButton, AttachmentChips } from "./composer-attachments";
import { clearDraft, draftKey, loadDraft, newestMessageId, saveDraft } from "./composer-draft";
import type { Member } from "./case-types";
import { mentionAt, mentionHandle, suggestMembers } from "./mention-suggestions";
import { MessageBody } from "./message-body";
import { ComposerSuggestions, type Suggestion } from "./composer-suggestions";
import { useCannedInsert, type SlashItem } from "./use-canned-insert";
import { StagedMacro } from "./staged-macro";
import { CollisionNotice } from "./collision-notice";
import { ComposerStatus, DraftReplyButton } from "./composer-footer";
import { useRunMacro, type MacroChoice } from "./use-macros";
import { useAttachmentUploads } from "./use-attachment-uploads";
import { pastedFiles, useFileDrop } from "./use-file-drop";
import { useReplyDraft } from "@/components/ai/use-reply-draft";
import { Paperclip } from "lucide-react";

type Kind = AddCaseMessageInput["kind"];
const messageResolver = lazyZodResolver(() => import("@/lib/validations/case").then((m) => m.addCaseMessageSchema));

/**
 * `aiDrafts`: offer "Draft reply" (the deployment has AI and the tenant has it on).
 * `maxFileBytes`: the tenant's attachment limit, checked before uploading (the server checks anyway).
 */
export function CaseComposer({ caseId, members, aiDrafts = false, maxFileBytes }: { caseId: string; members: Member[]; aiDrafts?: boolean; maxFileBytes?: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // Shows the message as it will read (Markdown rendered) instead of the text field.
  const [preview, setPreview] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const form = useForm<AddCaseMessageInput>({
    resolver: messageResolver,
    defaultValues: { caseId, kind: "PUBLIC_REPLY", body: "", attachmentIds: [] },
  });
  const { slug } = useParams<{ slug: string }>();
  const uploads = useAttachmentUploads(slug, maxFileBytes);
  const drop = useFileDrop(uploads.add);
  const kind = useWatch({ control: form.control, name: "kind" });
  // The timeline's own query (already loaded by the timeline beside this composer).
  const { data: timeline } = useQuery(trpc.cases.timeline.queryOptions({ caseId, limit: 200 }));
  const latestSeen = newestMessageId(timeline?.items);
  // The newest message when this draft began: replies after it that the author has not seen are a collision.
  const seenUpTo = useRef<string | null | undefined>(undefined);
  const [collision, setCollision] = useState<{ message: string; messageIds: string[] } | null>(null);
  const userId = useSignedInUserId();
  const storageKey = userId ? draftKey(userId, caseId) : null;
  const storage = typeof window === "undefined" ? undefined : window.localStorage;

  // A draft left on this case (reload, crash, another visit) comes back as it was.
  useEffect(() => {
    if (!storageKey) return;
    const draft = loadDraft(storage, storageKey);
    if (!draft) return;
    // The reloaded page shows the conversation as it is now: the restored draft was written
    // knowing it, so its collision check starts from the newest message on screen.
    form.reset({ caseId, kind: draft.kind, body: draft.body });
  }, [storageKey, storage, caseId, form]);

  const body = useWatch({ control: form.control, name: "body" });
  useEffect(() => {
    if (!storageKey) return;
    if (!body?.trim()) {
      seenUpTo.current = undefined;
      clearDraft(storage, storageKey);
      return;
    }
    seenUpTo.current ??= latestSeen;
    const timer = setTimeout(() => saveDraft(storage, storageKey, { kind, body, seenUpTo: seenUpTo.current ?? null }), 300);
    return () => clearTimeout(timer);
  }, [body, kind, latestSeen, storage, storageKey]);
  const { errors, isSubmitting } = form.formState;
  const memberSuggestions = mention ? suggestMembers(members, mention.query) : [];
  const canned = useCannedInsert(caseId, members);
  // A macro picked from the / list whose reply is being written: its actions run with Send.
  const [staged, setStaged] = useState<MacroChoice | null>(null);
  const runMacro = useRunMacro();
  // One list at a time: a mention being typed wins over a canned response search.
  const suggestions: Suggestion[] = memberSuggestions.length
    ? memberSuggestions.map((m) => ({ key: m.userId, label: m.name, detail: `@${mentionHandle(m, members)}` }))
    : canned.suggestions.map((r) => ({ key: `${r.kind}:${r.id}`, label: r.title, detail: r.detail }));
  const bodyField = form.register("body");
  // Others see "… is replying" while this user types (idles by itself after a pause).
  const markReplying = useMarkReplying(caseId);
  // The draft streams into the reply as the model writes it; the member edits and sends it.
  const draft = useReplyDraft(caseId, (text) => form.setValue("body", text, { shouldDirty: true }));
  const drafting = draft.state.status === "drafting";
  useEffect(() => {
    if (draft.state.status === "done") textareaRef.current?.focus();
  }, [draft.state.status]);

  const send = async (values: AddCaseMessageInput, sendAnyway = false) => {
    setFormError(null);
    setNotice(null);
    setCollision(null);
    const message = { kind: values.kind, body: values.body, attachmentIds: values.attachmentIds, seenUpTo: seenUpTo.current ?? latestSeen, sendAnyway };
    const result = staged
      ? await runMacro(staged, { caseIds: [caseId], message }).then((r) => (r.ok ? { ok: true as const, data: { mentioned: [] as { name: string }[] } } : r))
      : await addCaseMessageAction({ ...message, caseId });
    if (!result.ok) {
      const ids = result.error.details?.messageIds;
      if (result.error.code === "CONFLICT" && result.error.details?.reason === "NEW_REPLIES" && Array.isArray(ids)) {
        // Show what arrived; the draft stays as it is until the author decides.
        setCollision({ message: result.error.message, messageIds: ids as string[] });
        await queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() });
        return;
      }
      // A file the server no longer takes has no field of its own: its message says what to do.
      // The chips stay, so the member can remove that one and send again.
      setFormError(result.error.fieldErrors?.attachmentIds ? result.error.message : applyServerErrors(form, result.error));
      return;
    }
    if (storageKey) clearDraft(storage, storageKey);
    seenUpTo.current = undefined;
    form.reset({ caseId, kind: values.kind, body: "", attachmentIds: [] });
    uploads.clear();
    markReplying(false);
    setMention(null);
    setPreview(false);
    // The macro's own toast says what it did.
    if (staged) {
      setStaged(null);
      return;
    }
    const names = result.data.mentioned.map((m) => m.name);
    setNotice(
      (values.kind === "INTERNAL_NOTE" ? "Note added." : "Reply sent.") + (names.length ? ` Notified ${names.join(", ")}.` : ""),
    );
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.get.pathKey() }),
    ]);
  };
  // Built when the event happens: send() reads the draft's refs, which render must not.
  const submit = (anyway: boolean, event?: React.BaseSyntheticEvent) => {
    // Send waits for the files still uploading (the button says so too; ⌘/Ctrl + Enter lands here).
    if (uploads.uploading) {
      event?.preventDefault();
      return Promise.resolve();
    }
    // The finished files join the form's values, so the schema's "write something or attach a
    // file" sees them.
    form.setValue("attachmentIds", uploads.readyIds);
    return form.handleSubmit((values) => send(values, anyway))(event);
  };
  const onSubmit = (event?: React.BaseSyntheticEvent) => submit(false, event);
  const sendAnyway = () => submit(true);
  /** Keep writing, now aware of the new replies: the next send compares with them. */
  const editAfterCollision = () => {
    seenUpTo.current = collision?.messageIds.at(-1) ?? latestSeen;
    setCollision(null);
    textareaRef.current?.focus();
  };
  const discard = () => {
    if (storageKey) clearDraft(storage, storageKey);
    seenUpTo.current = undefined;
    setCollision(null);
    setStaged(null);
    form.reset({ caseId, kind, body: "", attachmentIds: [] });
    uploads.clear();
    markReplying(false);
  };
  const arrived = collision ? (timeline?.items ?? []).filter((i) => i.type === "message" && collision.messageIds.includes(i.id)) : [];

  function pick(index: number) {
    if (memberSuggestions.length) insertMention(memberSuggestions[index]!);
    else if (canned.suggestions[index]) void insertSlashItem(canned.suggestions[index]);
  }

  async function insertSlashItem(item: SlashItem) {
    if (item.kind === "canned") return insertCanned(item.id);
    const el = textareaRef.current;
    if (!el) return;
    try {
      const filled = await canned.fillMacro(item.id, form.getValues("body"), el.selectionStart);
      form.setValue("body", filled.text, { shouldDirty: true });
      if (filled.kind) {
        // Its reply is in the composer to read and edit; the rest runs with Send.
        form.setValue("kind", filled.kind);
        setStaged(item.macro);
        requestAnimationFrame(() => {
          el.focus();
          el.setSelectionRange(filled.caret, filled.caret);
        });
        return;
      }
      // Nothing to write: it runs now, and its toast offers Undo.
      const result = await runMacro(item.macro, { caseIds: [caseId] });
      if (!result.ok) setFormError(result.error.message);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Could not apply the macro");
    }
  }

  async function insertCanned(id: string) {
    const el = textareaRef.current;
    if (!el) return;
    try {
      const filled = await canned.fill(id, form.getValues("body"), el.selectionStart);
      if (!filled) return;
      form.setValue("body", filled.text, { shouldDirty: true });
      requestAnimationFrame(() => {
        el.focus();
        el.setSelectionRange(filled.caret, filled.caret);
      });
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Could not insert the response");
    }
  }

  function insertMention(member: Member) {
    const el = textareaRef.current;
    if (!el || !mention) return;
    const body = form.getValues("body");
    const caret = el.selectionStart;
    const handle = `@${mentionHandle(member, members)} `;
    const next = body.slice(0, mention.start) + handle + body.slice(caret);
    form.setValue("body", next, { shouldDirty: true });
    setMention(null);
    const at = mention.start + handle.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  }

  const setKind = (k: Kind) => form.setValue("kind", k);
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      {...drop.dropHandlers}
      className={cn(
        "relative rounded-lg border bg-white shadow-sm",
        kind === "INTERNAL_NOTE" ? "border-amber-300" : "border-slate-200",
        drop.dragging && "ring-2 ring-brand-500 ring-offset-2 ring-offset-slate-50",
      )}
    >
      {drop.dragging ? (
        <div aria-hidden className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center gap-2 rounded-lg border-2 border-dashed border-brand-500 bg-brand-50/90 text-sm font-medium text-brand-700">
          <Paperclip className="size-4" /> Drop files to attach
        </div>
      ) : null}
      <div className="flex items-end gap-1 border-b border-slate-200 px-2 pt-2">
        <div className="flex flex-1 gap-1" role="radiogroup" aria-label="Message type">
          {(
            [
              ["PUBLIC_REPLY", "Reply"],
              ["INTERNAL_NOTE", "Internal note"],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={kind === value}
              onClick={() => setKind(value)}
              className={cn(
                "-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium",
                kind === value
                  ? value === "INTERNAL_NOTE"
                    ? "border-amber-500 text-amber-800"
                    : "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
          className={cn("mb-1 rounded px-2 py-1 text-xs font-medium", preview ? "bg-slate-100 text-slate-900" : "text-slate-500 hover:text-slate-800")}
        >
          Preview
        </button>
      </div>
      <div className="relative p-3">
        <label htmlFor="message-body" className="sr-only">
          {kind === "INTERNAL_NOTE" ? "Internal note" : "Reply"}
        </label>
        <Textarea
          id="message-body"
          aria-invalid={!!errors.body}
          placeholder={kind === "INTERNAL_NOTE" ? "Only your team sees this. Type @ to mention someone." : "Write a reply to the customer… (/ for canned responses and macros)"}
          readOnly={drafting}
          aria-busy={drafting}
          {...bodyField}
          ref={(el) => {
            bodyField.ref(el);
            textareaRef.current = el;
          }}
          onChange={(e) => {
            void bodyField.onChange(e);
            markReplying(e.target.value.trim().length > 0);
            setMention(mentionAt(e.target.value, e.target.selectionStart));
            canned.track(e.target.value, e.target.selectionStart);
            setActive(0);
          }}
          onPaste={(e) => {
            const files = pastedFiles(e);
            if (!files.length) return;
            e.preventDefault();
            uploads.add(files);
          }}
          onKeyDown={(e) => {
            if ((e.metaKey || e.ctrlKey) && e.key === "Enter") {
              e.preventDefault();
              void onSubmit();
              return;
            }
            if (!suggestions.length) return;
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (a + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
            } else if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              pick(active);
            } else if (e.key === "Escape") {
              setMention(null);
              canned.close();
            }
          }}
          className={cn("border-0 shadow-none focus:ring-0", kind === "INTERNAL_NOTE" && "bg-amber-50/50", preview && "hidden")}
        />
        {preview ? (
          <section aria-label="Preview" className="min-h-24 px-3 py-2">
            {body?.trim() ? <MessageBody body={body} /> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}
          </section>
        ) : null}
        <ComposerSuggestions label={memberSuggestions.length ? "Mention a member" : "Insert a canned response or macro"} items={suggestions} active={active} onPick={pick} />
        {errors.body?.message ? (
          <p id="message-body-error" role="alert" className="mt-1 text-sm text-red-600">
            {errors.body.message}
          </p>
        ) : null}
        {errors.attachmentIds?.message ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {errors.attachmentIds.message}
          </p>
        ) : null}
        <AttachmentChips uploads={uploads} />
      </div>
      {staged ? <StagedMacro macro={staged} onRemove={() => setStaged(null)} /> : null}
      {collision ? (
        <CollisionNotice
          message={collision.message}
          arrived={arrived}
          sendDisabled={isSubmitting || uploads.uploading}
          onSendAnyway={() => void sendAnyway()}
          onEdit={editAfterCollision}
          onDiscard={discard}
        />
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 px-3 py-2">
        <ComposerStatus
          error={formError ?? (draft.state.status === "error" ? draft.state.message : null)}
          busy={drafting ? "Drafting a reply…" : uploads.uploading ? "Uploading files…" : null}
          notice={notice}
        />
        <AttachFilesButton uploads={uploads} disabled={isSubmitting} />
        {aiDrafts && kind === "PUBLIC_REPLY" ? (
          <DraftReplyButton drafting={drafting} hasText={Boolean(body?.trim())} disabled={isSubmitting} onStart={draft.start} onStop={draft.stop} />
        ) : null}
        <Button
          type="submit"
          disabled={isSubmitting || drafting || uploads.uploading}
          title={uploads.uploading ? "Wait for the files to finish uploading" : undefined}
          variant={kind === "INTERNAL_NOTE" ? "secondary" : "primary"}
        >
          {isSubmitting ? "Saving…" : staged ? (kind === "INTERNAL_NOTE" ? "Add note and apply" : "Send and apply") : kind === "INTERNAL_NOTE" ? "Add note" : "Send reply"}
        </Button>
      </div>
    </form>
  );
}
