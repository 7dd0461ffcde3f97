// Readiness: 200 when the database is reachable and migrated, else 503. Redis (if configured) is
// optional: when it is down the answer stays 200 with status "degraded".
import { NextResponse } from "next/server";
import { checkReadiness } from "@/server/services/health/readiness";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, checks } = await checkReadiness();
  return NextResponse.json(
    { status: !ok ? "unavailable" : Object.values(checks).some((c) => c.status === "degraded") ? "degraded" : "ready", checks },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
