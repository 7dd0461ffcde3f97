"use client";
// The composer's files: the paperclip that opens the file picker, and one chip per file (name,
// size, progress while it uploads, the server's reason when it refused it, × to cancel or remove).
import { Paperclip, X } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/attachment-format";
import { cn } from "@/lib/utils";
import { FileTypeIcon } from "./file-type-icon";
import type { AttachmentUploads, UploadItem } from "./use-attachment-uploads";

export function AttachFilesButton({ uploads, disabled }: { uploads: AttachmentUploads; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="px-2.5"
        aria-label="Attach files"
        title={uploads.full ? `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message` : "Attach files (or drop or paste them here)"}
        disabled={disabled || uploads.full}
        onClick={() => input.current?.click()}
      >
        <Paperclip aria-hidden className="size-4" />
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        data-testid="attach-files-input"
        onChange={(e) => {
          uploads.add(Array.from(e.target.files ?? []));
          // Cleared, so picking the same file again (after removing it) is a change too.
          e.target.value = "";
        }}
      />
    </>
  );
}

export function AttachmentChips({ uploads }: { uploads: AttachmentUploads }) {
  if (!uploads.items.length && !uploads.notice) return null;
  return (
    <div className="mt-2 space-y-2">
      {uploads.items.length ? (
        <ul aria-label="Attached files" className="flex flex-wrap gap-2">
          {uploads.items.map((item) => (
            <Chip key={item.key} item={item} onRemove={() => uploads.remove(item.key)} />
          ))}
        </ul>
      ) : null}
      {uploads.notice ? (
        <p role="status" className="text-sm text-amber-800">
          {uploads.notice}
        </p>
      ) : null}
    </div>
  );
}

function Chip({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  const refused = item.state === "refused";
  return (
    <li
      className={cn(
        "flex w-full min-w-0 items-start gap-2 rounded-md border px-2.5 py-2 text-xs sm:w-64",
        refused ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50",
      )}
    >
      <FileTypeIcon contentType={item.attachment?.contentType ?? ""} filename={item.filename} className={cn("mt-0.5 size-4 shrink-0", refused ? "text-red-600" : "text-slate-500")} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-1.5">
          <span className="truncate font-medium text-slate-800" title={item.filename}>
            {item.filename}
          </span>
          <span className="shrink-0 text-slate-500">{formatBytes(item.size)}</span>
        </div>
        {item.state === "uploading" ? <ProgressBar value={item.progress} label={`Uploading ${item.filename}`} className="mt-1.5" /> : null}
        {refused ? (
          <p role="alert" className="mt-0.5 break-words text-red-700">
            {item.error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        aria-label={`Remove ${item.filename}`}
        title={item.state === "uploading" ? "Cancel the upload" : "Remove"}
        onClick={onRemove}
        className="-m-1 shrink-0 rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
      >
        <X aria-hidden className="size-3.5" />
      </button>
    </li>
  );
}
