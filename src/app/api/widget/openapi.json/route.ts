// The OpenAPI 3.1 document of the chat widget's public API (/api/widget/v1).
import { NextResponse } from "next/server";
import { widgetOpenApiDocument } from "@/server/api/openapi/document";
import { publicBaseUrl } from "@/server/http/public-url";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return NextResponse.json(widgetOpenApiDocument(publicBaseUrl(req.headers)), { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
