// The OpenAPI 3.1 document of /api/v1, for generating clients in other languages.
import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/api/openapi/document";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return NextResponse.json(openApiDocument(new URL(req.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
