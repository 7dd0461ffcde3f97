"use client";
// The files going with the next message, above the message box: name and size, a progress bar
// while a file goes up, the server's reason when it refused one, and × to cancel or remove it.
// Neutral colours (not the tenant's): they read in both themes whatever colour was picked.
import { FileIcon, X } from "lucide-react";
import { formatBytes } from "@/lib/attachment-format";
import { cn } from "@/lib/utils";
import { percentSent, type PendingUpload } from "./attachment-uploads";

function AttachmentChip({ upload, onRemove }: { upload: PendingUpload; onRemove: (key: string) => void }) {
  const failed = upload.status === "failed";
  const percent = percentSent(upload);
  return (
    <li className={cn("w-48 max-w-full rounded-lg border px-2.5 py-1.5 text-xs", failed ? "border-red-300 bg-red-50" : "border-slate-200 bg-slate-50")}>
      <div className="flex items-center gap-1.5">
        <FileIcon className="size-3.5 shrink-0 text-slate-500" aria-hidden />
        <span className="min-w-0 flex-1 truncate font-medium text-slate-800" title={upload.filename}>
          {upload.filename}
        </span>
        <button
          type="button"
          onClick={() => onRemove(upload.key)}
          aria-label={`${upload.status === "uploading" ? "Cancel upload of" : "Remove"} ${upload.filename}`}
          className="-mr-1 shrink-0 rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      </div>
      <p className="mt-0.5 text-slate-500 tabular-nums">
        {formatBytes(upload.size)}
        {upload.status === "uploading" ? ` · ${percent}%` : null}
      </p>
      {upload.status === "uploading" ? (
        <div
          role="progressbar"
          aria-label={`Uploading ${upload.filename}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-1 h-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-slate-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      {failed ? <p className="mt-0.5 text-red-700">{upload.error}</p> : null}
    </li>
  );
}

export function AttachmentChips({ uploads, onRemove }: { uploads: readonly PendingUpload[]; onRemove: (key: string) => void }) {
  if (uploads.length === 0) return null;
  return (
    // Scrolls past a few rows: the conversation above keeps its room in a small frame.
    <ul aria-label="Files to send" className="mb-2 flex max-h-32 flex-wrap gap-2 overflow-y-auto">
      {uploads.map((upload) => (
        <AttachmentChip key={upload.key} upload={upload} onRemove={onRemove} />
      ))}
    </ul>
  );
}
