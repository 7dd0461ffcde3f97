// POST /api/attachments?filename=… with the file as the raw body (or the name in `x-filename`):
// an unclaimed attachment for the caller's next message (addCaseMessage's attachmentIds).
// Authenticated like tRPC (session or API key, tenant from `x-tenant-slug` / `?tenant=`,
// permission cases:write, rate limits); errors in the standard shape. Streams its body, so it is
// outside the proxy and refuses cross-site posts with the session cookie itself.
import { requestIdFrom } from "@/server/api/context";
import { authorizeRouteRequest, routeErrorResponse, runAsRoute } from "@/server/api/route-auth";
import { AppError } from "@/server/errors/app-error";
import { crossSiteRefusal } from "@/server/security/same-origin";
import { receiveAttachment } from "@/server/services/attachments/receive-attachment";
import { uploadFailure } from "@/server/services/attachments/upload-request";
import { uploadFilename } from "@/server/http/upload-filename";
import { requestUploader } from "@/server/services/attachments/uploader";
import { otherMethods } from "@/server/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  let requestId = requestIdFrom(request.headers);
  try {
    const crossSite = crossSiteRefusal(request);
    if (crossSite) throw crossSite;
    const auth = await authorizeRouteRequest(request, "cases:write");
    requestId = auth.requestId;
    if (!request.body) throw new AppError("BAD_REQUEST", "Send the file as the request body", { reason: "EMPTY_FILE" });
    const announced = Number(request.headers.get("content-length") ?? NaN);
    const attachment = await runAsRoute(auth, () =>
      receiveAttachment({
        tenantId: auth.tenant.id,
        uploader: requestUploader(),
        filename: uploadFilename(request),
        body: request.body!,
        expectedBytes: Number.isFinite(announced) ? announced : undefined,
      }),
    );
    return Response.json(attachment, { status: 201, headers: { "x-request-id": requestId, "cache-control": "private, no-store" } });
  } catch (error) {
    return routeErrorResponse(uploadFailure(error, request), requestId, "attachments.upload");
  }
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
