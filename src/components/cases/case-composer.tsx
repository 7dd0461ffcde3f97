"use client";
// Reply to the customer or leave an internal note. Typing @ suggests members; a mention
// notifies them and makes them follow the case (done by the server on save).
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { addCaseMessageSchema, type AddCaseMessageInput } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { useMarkReplying } from "@/trpc/realtime/use-realtime";
import { addCaseMessageAction } from "./case-actions";
import type { Member } from "./case-types";
import { mentionAt, mentionHandle, suggestMembers } from "./mention-suggestions";

type Kind = AddCaseMessageInput["kind"];

export function CaseComposer({ caseId, members }: { caseId: string; members: Member[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const form = useForm<AddCaseMessageInput>({
    resolver: zodResolver(addCaseMessageSchema),
    defaultValues: { caseId, kind: "PUBLIC_REPLY", body: "" },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { errors, isSubmitting } = form.formState;
  const suggestions = mention ? suggestMembers(members, mention.query) : [];
  const bodyField = form.register("body");
  // Others see "… is replying" while this user types (idles by itself after a pause).
  const markReplying = useMarkReplying(caseId);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setNotice(null);
    const result = await addCaseMessageAction(values);
    if (!result.ok) {
      setFormError(applyServerErrors(form, result.error));
      return;
    }
    form.reset({ caseId, kind: values.kind, body: "" });
    markReplying(false);
    setMention(null);
    const names = result.data.mentioned.map((m) => m.name);
    setNotice(
      (values.kind === "INTERNAL_NOTE" ? "Note added." : "Reply sent.") + (names.length ? ` Notified ${names.join(", ")}.` : ""),
    );
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.get.pathKey() }),
    ]);
  });

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
    <form method="post" onSubmit={onSubmit} noValidate className={cn("rounded-lg border bg-white shadow-sm", kind === "INTERNAL_NOTE" ? "border-amber-300" : "border-slate-200")}>
      <div className="flex gap-1 border-b border-slate-200 px-2 pt-2" role="radiogroup" aria-label="Message type">
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
      <div className="relative p-3">
        <label htmlFor="message-body" className="sr-only">
          {kind === "INTERNAL_NOTE" ? "Internal note" : "Reply"}
        </label>
        <Textarea
          id="message-body"
          aria-invalid={!!errors.body}
          placeholder={kind === "INTERNAL_NOTE" ? "Only your team sees this. Type @ to mention someone." : "Write a reply to the customer…"}
          {...bodyField}
          ref={(el) => {
            bodyField.ref(el);
            textareaRef.current = el;
          }}
          onChange={(e) => {
            void bodyField.onChange(e);
            markReplying(e.target.value.trim().length > 0);
            setMention(mentionAt(e.target.value, e.target.selectionStart));
            setActive(0);
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
              insertMention(suggestions[active]!);
            } else if (e.key === "Escape") setMention(null);
          }}
          className={cn("border-0 shadow-none focus:ring-0", kind === "INTERNAL_NOTE" && "bg-amber-50/50")}
        />
        {suggestions.length ? (
          <ul role="listbox" aria-label="Mention a member" className="absolute left-3 z-20 mt-1 w-64 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg">
            {suggestions.map((m, i) => (
              <li key={m.userId} role="option" aria-selected={i === active}>
                <button
                  type="button"
                  onMouseDown={(e) => {
                    e.preventDefault();
                    insertMention(m);
                  }}
                  className={cn("flex w-full flex-col px-3 py-1.5 text-left text-sm", i === active ? "bg-brand-50" : "hover:bg-slate-50")}
                >
                  <span className="font-medium">{m.name}</span>
                  <span className="text-xs text-slate-500">@{mentionHandle(m, members)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {errors.body?.message ? (
          <p id="message-body-error" role="alert" className="mt-1 text-sm text-red-600">
            {errors.body.message}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 px-3 py-2">
        {formError ? (
          <p role="alert" className="mr-auto text-sm text-red-700">
            {formError}
          </p>
        ) : notice ? (
          <p role="status" className="mr-auto text-sm text-green-700">
            {notice}
          </p>
        ) : (
          <p className="mr-auto hidden text-xs text-slate-400 sm:block">⌘/Ctrl + Enter to send</p>
        )}
        <Button type="submit" disabled={isSubmitting} variant={kind === "INTERNAL_NOTE" ? "secondary" : "primary"}>
          {isSubmitting ? "Saving…" : kind === "INTERNAL_NOTE" ? "Add note" : "Send reply"}
        </Button>
      </div>
    </form>
  );
}
