// The REST surface: /api/v1/<route> for every procedure with an OpenAPI route (see /api/openapi.json).
import { handleRestRequest } from "@/server/api/openapi/rest-handler";

export const dynamic = "force-dynamic";

const handler = (req: Request) => handleRestRequest(req);

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
