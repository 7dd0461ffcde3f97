// Liveness: the process answers. Touches no dependency, so a slow database never restarts the app.
import { NextResponse } from "next/server";
import pkg from "../../../../package.json" with { type: "json" };
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(
    { status: "ok", version: pkg.version, uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
