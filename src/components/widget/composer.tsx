"use client";
// Where the visitor writes. Enter sends, Shift+Enter starts a new line. A message that fails to
// send stays in the box with the server's reason under it. Outside business hours a visitor
// without a known e-mail is asked for one on their first send, so the answer can reach them.
// Files (picked with the paperclip, pasted, or dropped on the panel) go up at once and show as
// chips above the box; the message waits for them, and may be files alone.
import { Paperclip, SendHorizontal } from "lucide-react";
import { useId, useRef, useState } from "react";
import { MAX_VISITOR_MESSAGE } from "@/lib/validations/chat-widget";
import { cn } from "@/lib/utils";
import { AttachmentChips } from "./attachment-chips";
import { tenantSurface } from "./tenant-color";
import type { TypingSignal } from "./typing";
import type { AttachmentUploads } from "./use-attachment-uploads";
import { networkError, WidgetApiError } from "./widget-api";

/** The counter appears this close to the limit. */
const COUNTER_FROM = MAX_VISITOR_MESSAGE - 500;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ComposerInput {
  body: string;
  email?: string;
  /** Only when the message carries files. */
  attachmentIds?: string[];
}

/**
 * Files pasted into the box. Rich text copied from an office program comes as its text, its HTML
 * and a picture of it: that pastes as text, as the visitor meant. An image copied from a web page
 * ("Copy image") comes as HTML and the file, without plain text: that is the file.
 */
function pastedFiles(data: DataTransfer): File[] {
  if (data.types.includes("text/plain") && data.types.includes("text/html")) return [];
  return Array.from(data.files);
}

export interface ComposerProps {
  color: string;
  /** Ask for an e-mail address with the first message (nobody is in to answer live). */
  needsEmail: boolean;
  onSend?: (input: ComposerInput) => Promise<unknown>;
  typing?: TypingSignal;
  /** The files for the next message; without them (the preview) there is nothing to attach. */
  uploads?: AttachmentUploads;
  /** Shown instead of sending (the settings' preview). */
  disabledNote?: string;
}

export function Composer({ color, needsEmail, onSend, typing, uploads, disabledNote }: ComposerProps) {
  const id = useId();
  const [body, setBody] = useState("");
  const [email, setEmail] = useState("");
  const [askEmail, setAskEmail] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; email?: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const filePicker = useRef<HTMLInputElement>(null);

  const disabled = !onSend || disabledNote !== undefined;
  const length = body.trim().length;
  const tooLong = length > MAX_VISITOR_MESSAGE;
  const attachmentIds = uploads?.attachmentIds ?? [];
  const uploading = uploads?.uploading ?? false;
  const canSend = !disabled && !sending && !uploading && !tooLong && (length > 0 || attachmentIds.length > 0);

  async function submit() {
    if (!canSend) return;
    if (needsEmail && !askEmail) {
      setAskEmail(true);
      requestAnimationFrame(() => emailInput.current?.focus());
      return;
    }
    const address = email.trim();
    if (needsEmail && !EMAIL_PATTERN.test(address)) {
      setError({ message: "Enter your e-mail address so we can reply", email: "Enter an e-mail address" });
      emailInput.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    typing?.stop();
    try {
      await onSend({ body: body.trim(), ...(attachmentIds.length ? { attachmentIds } : {}), ...(needsEmail ? { email: address } : {}) });
      setBody("");
      uploads?.sent(attachmentIds);
      if (askEmail) {
        // The e-mail field goes (the address is known now): the focus goes back to the message box.
        setAskEmail(false);
        requestAnimationFrame(() => textarea.current?.focus());
      }
    } catch (thrown) {
      const failure = thrown instanceof WidgetApiError ? thrown : networkError();
      setError({
        message: failure.fieldError("body") ?? failure.fieldError("attachmentIds") ?? failure.message,
        email: failure.fieldError("email"),
      });
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      // Our own message for a bad address, under the field, rather than the browser's bubble.
      noValidate
      className="shrink-0 border-t border-slate-200 bg-white px-3 pt-2 pb-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {needsEmail && askEmail ? (
        <div className="mb-2">
          <label htmlFor={`${id}-email`} className="block text-xs font-medium text-slate-700">
            Your e-mail
          </label>
          <input
            ref={emailInput}
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error?.email ? true : undefined}
            aria-describedby={`${id}-email-hint`}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900"
          />
          <p id={`${id}-email-hint`} className="mt-1 text-xs text-slate-500">
            {error?.email ?? "We're away right now. We'll reply by e-mail."}
          </p>
        </div>
      ) : null}
      {uploads ? (
        <AttachmentChips
          uploads={uploads.uploads}
          onRemove={(key) => {
            uploads.remove(key);
            // Its × goes with the chip: the focus goes to the message box rather than the page.
            textarea.current?.focus();
          }}
        />
      ) : null}
      <div className="flex items-end gap-2">
        {uploads && !disabled ? (
          <>
            <input
              ref={filePicker}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              aria-hidden
              onChange={(event) => {
                uploads.add(Array.from(event.target.files ?? []));
                // Emptied, so the same file can be picked again after it was removed.
                event.target.value = "";
              }}
            />
            <button
              type="button"
              onClick={() => filePicker.current?.click()}
              aria-label="Attach a file"
              title="Attach a file"
              className="flex size-10 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            >
              <Paperclip className="size-5" aria-hidden />
            </button>
          </>
        ) : null}
        <label htmlFor={`${id}-body`} className="sr-only">
          Message
        </label>
        <textarea
          ref={textarea}
          id={`${id}-body`}
          rows={1}
          value={body}
          disabled={disabled}
          // Read-only rather than disabled while sending: a disabled box would drop the focus.
          readOnly={sending}
          aria-busy={sending || undefined}
          placeholder={disabled ? "" : "Write a message…"}
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={`${id}-status`}
          onChange={(event) => {
            setBody(event.target.value);
            typing?.input(event.target.value.trim() === "");
          }}
          onBlur={() => typing?.stop()}
          onPaste={(event) => {
            if (!uploads || disabled) return;
            const files = pastedFiles(event.clipboardData);
            if (files.length === 0) return;
            event.preventDefault();
            uploads.add(files);
          }}
          onKeyDown={(event) => {
            // Not while an input method is composing (Japanese, Chinese…): Enter picks a candidate there.
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void submit();
            }
          }}
          className="field-sizing-content block max-h-32 min-h-10 flex-1 resize-none rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 disabled:bg-slate-50"
        />
        <button
          type="submit"
          disabled={!canSend}
          aria-label={sending ? "Sending…" : "Send"}
          style={tenantSurface(color)}
          className="flex size-10 shrink-0 items-center justify-center rounded-lg disabled:opacity-50"
        >
          <SendHorizontal className="size-5" aria-hidden />
        </button>
      </div>
      <div id={`${id}-status`} className="mt-1 flex gap-2 text-xs">
        {disabledNote !== undefined ? (
          <p className="flex-1 text-slate-500">{disabledNote}</p>
        ) : (
          <p role="alert" className="flex-1 text-red-600">
            {error?.message ??
              (tooLong ? `Shorten your message to ${MAX_VISITOR_MESSAGE.toLocaleString("en")} characters` : null) ??
              uploads?.notice ??
              ""}
          </p>
        )}
        {length >= COUNTER_FROM ? (
          <p className={cn("tabular-nums", tooLong ? "text-red-600" : "text-slate-500")}>
            {length.toLocaleString("en")} / {MAX_VISITOR_MESSAGE.toLocaleString("en")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
