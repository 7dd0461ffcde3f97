// The files a visitor has picked for their next message, as the composer shows them: each goes up
// on its own as soon as it is picked, and the message names the ones the server kept. A refused
// file stays (with the server's reason) until removed or the message goes, but takes no place.
import { MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/attachment-format";
import type { WidgetAttachmentView } from "@/lib/validations/attachment";

export interface PendingUpload {
  /** This page's own key: the attachment's id exists only once the server has the file. */
  key: string;
  filename: string;
  size: number;
  /** Bytes sent so far. */
  loaded: number;
  status: "uploading" | "ready" | "failed";
  /** Why the server refused it (too large, a refused type, too many…). */
  error: string | null;
  attachment: WidgetAttachmentView | null;
}

export interface UploadsState {
  uploads: PendingUpload[];
  /** Said once when more files were dropped than one message may carry. */
  notice: string | null;
}

export const emptyUploads: UploadsState = { uploads: [], notice: null };

export const TOO_MANY_FILES = `Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message`;

export type UploadsAction =
  | { type: "added"; uploads: { key: string; filename: string; size: number }[]; refused: number }
  | { type: "progress"; key: string; loaded: number }
  | { type: "uploaded"; key: string; attachment: WidgetAttachmentView }
  | { type: "failed"; key: string; message: string }
  | { type: "removed"; key: string }
  /** The message went with these attachments: their chips (and the refused ones) go. */
  | { type: "sent"; ids: readonly string[] };

const update = (state: UploadsState, key: string, change: (upload: PendingUpload) => PendingUpload): UploadsState => {
  // Late news about a file already removed (its request answered before the abort) changes nothing.
  if (!state.uploads.some((u) => u.key === key)) return state;
  return { ...state, uploads: state.uploads.map((u) => (u.key === key ? change(u) : u)) };
};

export function uploadsReducer(state: UploadsState, action: UploadsAction): UploadsState {
  switch (action.type) {
    case "added":
      return {
        uploads: [...state.uploads, ...action.uploads.map((u) => ({ ...u, loaded: 0, status: "uploading" as const, error: null, attachment: null }))],
        notice: action.refused > 0 ? TOO_MANY_FILES : null,
      };
    case "progress":
      return update(state, action.key, (u) => (u.status === "uploading" ? { ...u, loaded: Math.min(action.loaded, u.size) } : u));
    case "uploaded":
      return update(state, action.key, (u) => ({ ...u, loaded: u.size, status: "ready", attachment: action.attachment }));
    case "failed":
      return update(state, action.key, (u) => ({ ...u, status: "failed", error: action.message }));
    case "removed":
      return { uploads: state.uploads.filter((u) => u.key !== action.key), notice: null };
    case "sent": {
      const sent = new Set(action.ids);
      // A file picked while the message was on its way stays for the next one.
      const left = state.uploads.filter((u) => u.status === "uploading" || (u.status === "ready" && !sent.has(u.attachment!.id)));
      return { uploads: left, notice: null };
    }
  }
}

/** Files that may still be added: refused ones do not count against the limit. */
export const roomLeft = (state: UploadsState) => MAX_ATTACHMENTS_PER_MESSAGE - state.uploads.filter((u) => u.status !== "failed").length;

export const isUploading = (state: UploadsState) => state.uploads.some((u) => u.status === "uploading");

export const readyAttachmentIds = (state: UploadsState) => state.uploads.flatMap((u) => (u.status === "ready" && u.attachment ? [u.attachment.id] : []));

/** Whole percent sent; an empty file counts as sent. */
export const percentSent = (upload: PendingUpload) => (upload.size > 0 ? Math.floor((upload.loaded / upload.size) * 100) : 100);
