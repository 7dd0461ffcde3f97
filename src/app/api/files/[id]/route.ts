// GET /api/files/<id>: streams a stored file (imports, rejected rows, exports) as an attachment
// to members of its tenant with the permission of its purpose; NOT_FOUND for anyone else.
// Authenticated like tRPC (session or API key; tenant from `x-tenant-slug` / `?tenant=`).
import { Readable } from "node:stream";
import { requestIdFrom } from "@/server/api/context";
import { authorizeRouteRequest, routeErrorResponse, runAsRoute } from "@/server/api/route-auth";
import { contentDisposition } from "@/server/http/content-disposition";
import { openTenantFile } from "@/server/services/exports/open-file";
import { otherMethods } from "@/server/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  let requestId = requestIdFrom(request.headers);
  try {
    const auth = await authorizeRouteRequest(request, "tenant:read");
    requestId = auth.requestId;
    const { id } = await params;
    const file = await runAsRoute(auth, () => openTenantFile({ tenantId: auth.tenant.id, permissions: auth.permissions, fileId: id }));
    return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": file.contentType === "text/csv" ? "text/csv; charset=utf-8" : "application/octet-stream",
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.filename),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return routeErrorResponse(error, requestId, "files.download");
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
