// Who uploads an attachment, and so who alone may send it: a member, an API key (keys act without
// a member, and one key must not send another's uploads, nor a visitor's), or a chat visitor.
import { AppError } from "@/server/errors/app-error";
import { currentRequester } from "@/server/services/cases/actor";

export type Uploader = { userId: string } | { apiKeyId: string } | { chatVisitorId: string };

/** The member or key making the current request. */
export function requestUploader(): Uploader {
  const requester = currentRequester();
  if (!requester) throw new AppError("FORBIDDEN", "Only a member or an API key may attach files", { reason: "NO_UPLOADER" });
  return requester.type === "user" ? { userId: requester.id } : { apiKeyId: requester.id };
}

/** The attachment columns that record (and, when claiming, match) the uploader. */
export function uploaderColumns(uploader: Uploader): { uploadedById?: string; apiKeyId?: string; chatVisitorId?: string } {
  if ("userId" in uploader) return { uploadedById: uploader.userId };
  if ("apiKeyId" in uploader) return { apiKeyId: uploader.apiKeyId };
  return { chatVisitorId: uploader.chatVisitorId };
}
