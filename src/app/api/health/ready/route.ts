// Readiness: 200 when the database is reachable and migrated (and Redis, if configured), else 503.
import { NextResponse } from "next/server";
import { checkReadiness } from "@/server/services/health/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, checks } = await checkReadiness();
  return NextResponse.json(
    { status: ok ? "ready" : "unavailable", checks },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
