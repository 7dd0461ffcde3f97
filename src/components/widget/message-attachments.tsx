"use client";
// A message's files, under its bubble: images as thumbnails that open the full image, other files
// as a row with a download link. Until the scanner has read a file there is nothing to open; a file
// it refused stays listed as removed. The links are signed and expire after some hours: an image
// whose thumbnail no longer loads falls back to its row. Names are React text, never HTML.
import { Download, FileIcon, FileX, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { formatBytes } from "@/lib/attachment-format";
import type { WidgetAttachmentView } from "@/lib/validations/attachment";
import { cn } from "@/lib/utils";

/** The thumbnail's box, in CSS pixels. */
const THUMBNAIL_BOX = 192;

/** The shown size, known before the thumbnail loads, so the log does not jump when it does. */
function thumbnailSize(width: number | null, height: number | null) {
  if (!width || !height) return null;
  const scale = Math.min(1, THUMBNAIL_BOX / width, THUMBNAIL_BOX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function FileRow({ attachment }: { attachment: WidgetAttachmentView }) {
  const { status, filename, url } = attachment;
  const Icon = status === "SCANNING" ? LoaderCircle : status === "BLOCKED" ? FileX : FileIcon;
  return (
    <div className="flex w-60 max-w-full items-center gap-2 rounded-lg border border-slate-200 bg-white px-2.5 py-2 text-xs">
      <Icon className={cn("size-4 shrink-0 text-slate-500", status === "SCANNING" && "motion-safe:animate-spin")} aria-hidden />
      <div className="min-w-0 flex-1">
        <p className={cn("truncate font-medium", status === "BLOCKED" ? "text-slate-500 line-through" : "text-slate-800")} title={filename}>
          {filename}
        </p>
        <p className="text-slate-500">
          {status === "SCANNING" ? "Checking the file…" : status === "BLOCKED" ? "File removed" : formatBytes(attachment.size)}
        </p>
      </div>
      {status === "READY" && url ? (
        <a
          href={url}
          download
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Download ${filename}`}
          className="shrink-0 rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        >
          <Download className="size-4" aria-hidden />
        </a>
      ) : null}
    </div>
  );
}

function AttachmentItem({ attachment }: { attachment: WidgetAttachmentView }) {
  // The link that failed, not a flag: history reloaded after a reconnect brings fresh links to try.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const { url, thumbnailUrl } = attachment;
  if (attachment.status !== "READY" || !attachment.image || !url || !thumbnailUrl || thumbnailUrl === failedSrc) return <FileRow attachment={attachment} />;
  const size = thumbnailSize(attachment.width, attachment.height);
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="block overflow-hidden rounded-lg border border-slate-200 bg-slate-100">
      {/* A plain <img>: the signed link is the file's own address (next/image would fetch it through its optimiser, without the visitor). */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={thumbnailUrl}
        alt={attachment.filename}
        width={size?.width}
        height={size?.height}
        loading="lazy"
        onError={() => setFailedSrc(thumbnailUrl)}
        className={cn("block h-auto max-w-full", size ? null : "max-h-48 w-auto")}
      />
    </a>
  );
}

export function MessageAttachments({ attachments, mine }: { attachments: readonly WidgetAttachmentView[]; mine: boolean }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Files" className={cn("mt-1 flex max-w-[85%] flex-col gap-1.5", mine ? "items-end" : "items-start")}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className="max-w-full">
          <AttachmentItem attachment={attachment} />
        </li>
      ))}
    </ul>
  );
}
