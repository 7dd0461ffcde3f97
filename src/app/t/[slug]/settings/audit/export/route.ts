// GET /t/<slug>/settings/audit/export?actor=&action=&target=&from=&to= — the filtered audit log
// as CSV. The export is authorised and recorded by a procedure before a byte is sent.
import { createTRPCContext, requestIdFrom } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { routeErrorResponse } from "@/server/api/route-auth";
import { auditCsvStream } from "@/server/services/audit-export/audit-csv";
import { auditFilterFromSearch } from "../audit-search";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const requestId = requestIdFrom(req.headers);
  const { slug } = await params;
  const search = Object.fromEntries(new URL(req.url).searchParams);
  const filter = auditFilterFromSearch(search);
  try {
    const api = createCaller(await createTRPCContext({ headers: req.headers, requestId }));
    await api.audit.recordExport(filter);
    const members = await api.members.list();
    const names = new Map(members.map((m) => [m.userId, m.name]));
    const stream = auditCsvStream((cursor) => api.audit.list({ ...filter, limit: 200, cursor }), names);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-audit-${day}.csv"`,
        "cache-control": "no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return routeErrorResponse(error, requestId, "audit.export");
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
