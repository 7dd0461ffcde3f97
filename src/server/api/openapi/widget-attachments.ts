// A visitor's files: POST /api/widget/v1/{widgetId}/attachments (the file as the raw body, its
// name in ?filename= or x-filename; the visitor's token as for every widget call) answers an
// attachment to send with the next message; GET …/attachments/{id} serves one through the signed
// link the conversation gave (services/chat/attachment-links.ts). Raw bodies and downloads are not
// JSON procedures, so these two live beside the widget router rather than in it, with its checks:
// the widget must exist, be on, and be called from a website its tenant allows.
import "server-only";
import { env } from "@/env";
import { widgetIdSchema } from "@/lib/validations/chat-widget";
import { requireWidget } from "@/server/api/routers/widget/widget-procedure";
import { withTenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { requestOrigin } from "@/server/http/public-url";
import { addressLimitKey } from "@/server/rate-limit/address-key";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { clientIpFrom } from "@/server/security/client-ip";
import { openAttachment } from "@/server/services/attachments/open-attachment";
import { receiveAttachment } from "@/server/services/attachments/receive-attachment";
import { ensureVisitorUploadRoom } from "@/server/services/attachments/visitor-upload-room";
import { attachmentResponse, uploadFailure, variantOf } from "@/server/services/attachments/upload-request";
import { uploadFilename } from "@/server/http/upload-filename";
import { verifyAttachmentLink, withLinks } from "@/server/services/chat/attachment-links";
import { requireVisitor } from "@/server/services/chat/visitors";
import { requestIdFrom } from "../context";
import { errorResponse, visitorTokenOf, widgetPathOf } from "./widget-http";

/** The answer for an attachment path, or null when the request is for another part of the widget API. */
export async function handleWidgetAttachmentRequest(req: Request): Promise<Response | null> {
  const [widgetId = "", section, attachmentId, ...rest] = widgetPathOf(req);
  if (section !== "attachments" || rest.length > 0) return null;
  const upload = req.method === "POST" && attachmentId === undefined;
  const download = req.method === "GET" && attachmentId !== undefined;
  if (!upload && !download) return null;
  const requestId = requestIdFrom(req.headers);
  try {
    const id = widgetIdSchema.safeParse(widgetId);
    if (!id.success) throw new AppError("NOT_FOUND", "Chat widget not found");
    await consumeOrThrow(limiters().widgetIp, addressLimitKey(clientIpFrom(req.headers)), "requests");
    const widget = await requireWidget(id.data, req.headers.get("origin"), requestOrigin(req.headers));
    return upload ? await receive(req, widget.tenantId, widget.publicId, requestId) : await serve(req, widget.tenantId, attachmentId!, requestId);
  } catch (error) {
    return errorResponse(uploadFailure(error, req), requestId);
  }
}

async function receive(req: Request, tenantId: string, widgetId: string, requestId: string): Promise<Response> {
  const announced = Number(req.headers.get("content-length") ?? NaN);
  const visitor = await withTenantDb(tenantId, (db) => requireVisitor(db, visitorTokenOf(req)));
  await consumeOrThrow(limiters().widgetUploads, `visitor:${visitor.id}`, "files");
  await consumeOrThrow(limiters().widgetUploadsIp, addressLimitKey(clientIpFrom(req.headers)), "files");
  if (!req.body) throw new AppError("BAD_REQUEST", "Send the file as the request body", { reason: "EMPTY_FILE" });
  // Without an announced size, room for the largest file any tenant may take.
  await withTenantDb(tenantId, (db) => ensureVisitorUploadRoom(db, tenantId, Number.isFinite(announced) ? announced : env.ATTACHMENT_MAX_BYTES));
  const attachment = await receiveAttachment({
    tenantId,
    uploader: { chatVisitorId: visitor.id },
    filename: uploadFilename(req),
    body: req.body,
    expectedBytes: Number.isFinite(announced) ? announced : undefined,
  });
  return Response.json(withLinks({ tenantId, widgetId, visitorId: visitor.id }, attachment), {
    status: 201,
    headers: { "x-request-id": requestId, "cache-control": "no-store" },
  });
}

async function serve(req: Request, tenantId: string, attachmentId: string, requestId: string): Promise<Response> {
  const variant = variantOf(req);
  const visitorId = verifyAttachmentLink(tenantId, attachmentId, variant, new URL(req.url).searchParams);
  const opened = await withTenantDb(tenantId, async (db) => {
    const visitor = await db.chatVisitor.findFirst({ where: { id: visitorId }, select: { id: true, caseId: true } });
    if (!visitor) throw notFound("Attachment");
    return openAttachment(db, { id: attachmentId, variant, reader: { kind: "visitor", visitorId: visitor.id, caseId: visitor.caseId } });
  });
  return attachmentResponse(opened, requestId);
}
