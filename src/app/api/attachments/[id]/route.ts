// GET /api/attachments/<id>[?variant=thumbnail]: an attachment's bytes for members of its tenant
// who may read cases (services/attachments/open-attachment.ts decides); NOT_FOUND for anyone else.
// Authenticated like tRPC (session or API key; tenant from `x-tenant-slug` / `?tenant=`).
import { requestIdFrom } from "@/server/api/context";
import { authorizeRouteRequest, routeErrorResponse, runAsRoute } from "@/server/api/route-auth";
import { withTenantDb } from "@/server/db/tenant-db";
import { openAttachment } from "@/server/services/attachments/open-attachment";
import { attachmentResponse, variantOf } from "@/server/services/attachments/upload-request";
import { requestUploader } from "@/server/services/attachments/uploader";
import { otherMethods } from "@/server/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  let requestId = requestIdFrom(request.headers);
  try {
    const auth = await authorizeRouteRequest(request, "cases:read");
    requestId = auth.requestId;
    const { id } = await params;
    const opened = await runAsRoute(auth, () =>
      withTenantDb(auth.tenant.id, (db) =>
        openAttachment(db, { id, variant: variantOf(request), reader: { kind: "member", uploader: requestUploader(), permissions: auth.permissions } }),
      ),
    );
    return attachmentResponse(opened, requestId);
  } catch (error) {
    return routeErrorResponse(error, requestId, "attachments.download");
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
