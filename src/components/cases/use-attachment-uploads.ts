"use client";
// The files a message will carry: each uploads on its own as soon as it is picked, dropped or
// pasted (several at once), so Send only names the finished ones (addMessage's attachmentIds).
// Not kept in the composer's draft: an upload is a few minutes' claim on the server, not text.
import { useEffect, useRef, useState } from "react";
import { MAX_ATTACHMENTS_PER_MESSAGE, tooLargeMessage } from "@/lib/attachment-format";
import type { AttachmentView } from "@/lib/validations/attachment";
import { uploadAttachment, type Upload } from "./upload-attachment";

export interface UploadItem {
  /** This page's own key (the server's id only exists once the upload is done). */
  key: string;
  filename: string;
  size: number;
  state: "uploading" | "done" | "refused";
  /** Percent sent, while uploading. */
  progress: number;
  attachment: AttachmentView | null;
  error: string | null;
}

const LIMIT_MESSAGE = `Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message`;

/** `maxBytes`: the tenant's limit, checked before a byte is sent (the server checks again). */
export function useAttachmentUploads(tenantSlug: string, maxBytes = Number.POSITIVE_INFINITY) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const inFlight = useRef(new Map<string, Upload>());
  const nextKey = useRef(0);

  // Leaving the case stops what is still being sent; what arrived expires unclaimed on the server.
  useEffect(() => {
    const uploads = inFlight.current;
    return () => {
      for (const upload of uploads.values()) upload.abort();
      uploads.clear();
    };
  }, []);

  const patch = (key: string, change: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  // Refused files take no place in the message: only those sending or sent count.
  const taken = items.filter((i) => i.state !== "refused").length;

  function add(files: File[]) {
    if (files.length === 0) return;
    const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - taken);
    const accepted = files.slice(0, room);
    const left = files.length - accepted.length;
    setNotice(left ? `${LIMIT_MESSAGE}: ${left === 1 ? "1 file was" : `${left} files were`} left out.` : null);
    // Over the limit: refused here, as the server would (a browser may not show its early answer).
    const added = accepted.map((file): UploadItem => ({
      key: `upload-${nextKey.current++}`,
      filename: file.name,
      size: file.size,
      state: file.size > maxBytes ? "refused" : "uploading",
      progress: 0,
      attachment: null,
      error: file.size > maxBytes ? tooLargeMessage(maxBytes) : null,
    }));
    setItems((list) => [...list, ...added]);
    accepted.forEach((file, index) => {
      const { key, state } = added[index]!;
      if (state === "refused") return;
      const upload = uploadAttachment(file, tenantSlug, (progress) => patch(key, { progress }));
      inFlight.current.set(key, upload);
      void upload.done.then((outcome) => {
        inFlight.current.delete(key);
        // Aborted: its chip was removed when it was cancelled.
        if (outcome.status === "done") patch(key, { state: "done", progress: 100, attachment: outcome.attachment });
        else if (outcome.status === "refused") patch(key, { state: "refused", error: outcome.message });
      });
    });
  }

  /** Cancels a file still uploading, or takes a finished (or refused) one off the message. */
  function remove(key: string) {
    inFlight.current.get(key)?.abort();
    inFlight.current.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
    setNotice(null);
  }

  /** After a send (the files went with it) or a discarded draft. */
  function clear() {
    for (const upload of inFlight.current.values()) upload.abort();
    inFlight.current.clear();
    setItems([]);
    setNotice(null);
  }

  return {
    items,
    /** Why some files were not added (the per-message limit). */
    notice,
    /** The server's ids of the finished uploads, in the order they were added. */
    readyIds: items.flatMap((i) => (i.state === "done" && i.attachment ? [i.attachment.id] : [])),
    uploading: items.some((i) => i.state === "uploading"),
    full: taken >= MAX_ATTACHMENTS_PER_MESSAGE,
    add,
    remove,
    clear,
  };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
