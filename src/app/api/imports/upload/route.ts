// POST /api/imports/upload?entity=cases|customers&filename=… with the CSV as the raw body (or the
// name in `x-filename`). Authenticated like tRPC (session or API key, tenant from
// `x-tenant-slug` / `?tenant=`, permission imports:create, rate limits); answers the import id,
// the file's headers and a suggested mapping. Errors in the standard shape. The route is outside
// the proxy (it streams its body), so it refuses cross-site posts with the session cookie itself.
import { env } from "@/env";
import { importEntitySchema } from "@/lib/validations/import";
import { authorizeRouteRequest, routeErrorResponse, runAsRoute } from "@/server/api/route-auth";
import { requestIdFrom } from "@/server/api/context";
import { AppError } from "@/server/errors/app-error";
import { crossSiteRefusal } from "@/server/security/same-origin";
import { receiveImportUpload } from "@/server/services/imports/receive-upload";
import { otherMethods } from "@/server/http/other-methods";
import { uploadFilename } from "@/server/http/upload-filename";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  let requestId = requestIdFrom(request.headers);
  try {
    const crossSite = crossSiteRefusal(request);
    if (crossSite) throw crossSite;
    const auth = await authorizeRouteRequest(request, "imports:create");
    requestId = auth.requestId;
    const url = new URL(request.url);
    const entity = importEntitySchema.safeParse(url.searchParams.get("entity") ?? request.headers.get("x-import-entity"));
    if (!entity.success) {
      throw new AppError("BAD_REQUEST", "Say what the file holds: entity=cases or entity=customers", {
        fieldErrors: { entity: ["Choose cases or customers"] },
      });
    }
    // Refused before reading a byte when the client announces the size; counted while streaming otherwise.
    const announced = Number(request.headers.get("content-length") ?? NaN);
    if (Number.isFinite(announced) && announced > env.IMPORT_MAX_BYTES) {
      throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${env.IMPORT_MAX_BYTES} bytes`, { maxBytes: env.IMPORT_MAX_BYTES });
    }
    if (!request.body) throw new AppError("BAD_REQUEST", "Send the CSV file as the request body");
    const filename = uploadFilename(request);
    const received = await runAsRoute(auth, () =>
      receiveImportUpload({
        tenantId: auth.tenant.id,
        userId: auth.caller.userId,
        entity: entity.data,
        filename,
        body: request.body!,
        expectedBytes: Number.isFinite(announced) ? announced : undefined,
      }),
    );
    return Response.json(received, { status: 201, headers: { "x-request-id": requestId, "cache-control": "private, no-store" } });
  } catch (error) {
    return routeErrorResponse(error, requestId, "imports.upload");
  }
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
