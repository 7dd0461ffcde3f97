// The files a message carries, under its text: images as thumbnails opening the full image in a
// new tab, other files as a row with a download link. Nothing links while the malware scanner is
// still reading a file (the server would refuse it) or once it refused one; the case's timeline
// refetches when the scan ends (the server's case.updated event, src/trpc/realtime).
import { Download, LoaderCircle, ShieldAlert } from "lucide-react";
import { attachmentUrl, formatBytes } from "@/lib/attachment-format";
import type { AttachmentView } from "@/lib/validations/attachment";
import { cn } from "@/lib/utils";
import { FileTypeIcon } from "./file-type-icon";

/** The box a thumbnail is shown within (the server's thumbnails fit 320 px). */
const THUMB_WIDTH = 240;
const THUMB_HEIGHT = 180;

/** The thumbnail's size on screen, known before it loads so the conversation does not jump. */
export function thumbnailSize(width: number | null, height: number | null): { width: number; height: number } | null {
  if (!width || !height) return null;
  const scale = Math.min(1, THUMB_WIDTH / width, THUMB_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function MessageAttachments({ attachments, tenantSlug }: { attachments: AttachmentView[]; tenantSlug: string }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-2 flex flex-wrap gap-2">
      {attachments.map((a) =>
        a.image && a.status === "READY" ? (
          <li key={a.id} className="max-w-full">
            <ImageThumbnail attachment={a} tenantSlug={tenantSlug} />
          </li>
        ) : (
          <li key={a.id} className="w-full sm:max-w-md">
            <FileRow attachment={a} tenantSlug={tenantSlug} />
          </li>
        ),
      )}
    </ul>
  );
}

function ImageThumbnail({ attachment: a, tenantSlug }: { attachment: AttachmentView; tenantSlug: string }) {
  const size = thumbnailSize(a.width, a.height);
  return (
    <a
      href={attachmentUrl(tenantSlug, a.id)}
      target="_blank"
      rel="noopener noreferrer"
      title={`${a.filename} (${formatBytes(a.size)})`}
      className="block overflow-hidden rounded-md border border-slate-200 bg-slate-100 hover:border-brand-500"
    >
      {/* A plain <img>: the route answers only with the member's cookie and already sends a
          thumbnail, so next/image's optimiser (a server-side fetch, cookie-less) cannot serve it. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={attachmentUrl(tenantSlug, a.id, "thumbnail")}
        alt={a.filename}
        width={size?.width}
        height={size?.height}
        loading="lazy"
        decoding="async"
        className={cn("block h-auto max-w-full", !size && "max-h-44")}
      />
    </a>
  );
}

function FileRow({ attachment: a, tenantSlug }: { attachment: AttachmentView; tenantSlug: string }) {
  const scanning = a.status === "SCANNING";
  const blocked = a.status === "BLOCKED";
  return (
    <div
      className={cn(
        "flex min-w-0 items-center gap-3 rounded-md border px-3 py-2 text-sm",
        scanning ? "border-dashed border-slate-300 bg-slate-50 text-slate-500" : blocked ? "border-red-200 bg-red-50" : "border-slate-200 bg-white",
      )}
    >
      {blocked ? (
        <ShieldAlert aria-hidden className="size-5 shrink-0 text-red-600" />
      ) : (
        <FileTypeIcon contentType={a.contentType} filename={a.filename} className={cn("size-5 shrink-0", scanning ? "text-slate-400" : "text-slate-500")} />
      )}
      <div className="min-w-0 flex-1">
        <p className={cn("truncate font-medium", scanning ? "text-slate-500" : blocked ? "text-slate-600 line-through" : "text-slate-800")} title={a.filename}>
          {a.filename}
        </p>
        <p className="text-xs">
          {scanning ? (
            <span className="inline-flex items-center gap-1">
              <LoaderCircle aria-hidden className="size-3 animate-spin motion-reduce:animate-none" /> Checking for malware…
            </span>
          ) : blocked ? (
            <span className="text-red-700">Removed: the malware scanner refused this file</span>
          ) : (
            <span className="text-slate-500">{formatBytes(a.size)}</span>
          )}
        </p>
      </div>
      {a.status === "READY" ? (
        <a
          href={attachmentUrl(tenantSlug, a.id)}
          aria-label={`Download ${a.filename}`}
          className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
        >
          <Download aria-hidden className="size-4" />
          <span className="hidden sm:inline">Download</span>
        </a>
      ) : null}
    </div>
  );
}
