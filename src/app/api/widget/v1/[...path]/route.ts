// The chat widget's public API (see /api/widget/openapi.json): visitors, not members.
import { handleWidgetRequest } from "@/server/api/openapi/widget-rest-handler";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

const handler = (req: Request) => handleWidgetRequest(req);

export { handler as GET, handler as POST, handler as OPTIONS };

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
