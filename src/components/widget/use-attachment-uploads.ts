"use client";
// The composer's files (attachment-uploads.ts) with their requests: picking starts the upload,
// removing a file still on its way stops it, and leaving the chat stops them all. Held by the chat
// panel, not the composer, because files dropped anywhere on the panel land here too.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { emptyUploads, isUploading, readyAttachmentIds, roomLeft, uploadsReducer, type UploadsAction, type UploadsState } from "./attachment-uploads";
import { tooLargeMessage } from "@/lib/attachment-format";
import { isCancelled } from "./upload-attachment";
import { networkError, WidgetApiError, type UploadHandle, type VisitorApi } from "./widget-api";

export interface AttachmentUploads extends UploadsState {
  /** A file is still going up: the message waits for it. */
  uploading: boolean;
  /** The files the server kept, to send with the message. */
  attachmentIds: string[];
  add: (files: readonly File[]) => void;
  /** Cancels a file still going up; drops one uploaded or refused. */
  remove: (key: string) => void;
  /** The message went: its files' chips go. */
  sent: (ids: readonly string[]) => void;
}

/** `maxBytes`: the tenant's limit from the config, checked before a byte is sent (the server checks again). */
export function useAttachmentUploads(api: Pick<VisitorApi, "upload">, maxBytes = Number.POSITIVE_INFINITY): AttachmentUploads {
  const [state, setState] = useState(emptyUploads);
  // Progress and answers arrive outside React, and two drops may come before a render: each change
  // applies to the latest state at once, so the limit is counted against every file already taken.
  const latest = useRef(emptyUploads);
  const requests = useRef(new Map<string, UploadHandle<unknown>>());
  const lastKey = useRef(0);

  const apply = useCallback((action: UploadsAction) => {
    latest.current = uploadsReducer(latest.current, action);
    setState(latest.current);
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const taken = files.slice(0, Math.max(0, roomLeft(latest.current)));
      const entries = taken.map((file) => ({ file, key: `upload-${++lastKey.current}` }));
      apply({ type: "added", uploads: entries.map(({ file, key }) => ({ key, filename: file.name, size: file.size })), refused: files.length - taken.length });
      for (const { file, key } of entries) {
        if (file.size > maxBytes) {
          apply({ type: "failed", key, message: tooLargeMessage(maxBytes) });
          continue;
        }
        const request = api.upload(file, (loaded) => apply({ type: "progress", key, loaded }));
        requests.current.set(key, request);
        request.done
          .then(
            (attachment) => apply({ type: "uploaded", key, attachment }),
            (error: unknown) => {
              if (isCancelled(error)) return;
              apply({ type: "failed", key, message: (error instanceof WidgetApiError ? error : networkError()).message });
            },
          )
          .finally(() => requests.current.delete(key));
      }
    },
    [api, apply, maxBytes],
  );

  const remove = useCallback(
    (key: string) => {
      requests.current.get(key)?.abort();
      apply({ type: "removed", key });
    },
    [apply],
  );

  const sent = useCallback((ids: readonly string[]) => apply({ type: "sent", ids }), [apply]);

  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const request of open.values()) request.abort();
    };
  }, []);

  return useMemo(
    () => ({ ...state, uploading: isUploading(state), attachmentIds: readyAttachmentIds(state), add, remove, sent }),
    [state, add, remove, sent],
  );
}
