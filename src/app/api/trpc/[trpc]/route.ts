// tRPC over HTTP (browser, scripts with an API key). Thin: build the context, hand over, tag the
// response with its request id.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTRPCContext, requestIdFrom } from "@/server/api/context";
import { appRouter } from "@/server/api/root";

async function handler(req: Request) {
  const requestId = requestIdFrom(req.headers);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, requestId }),
  });
  response.headers.set("x-request-id", requestId);
  return response;
}

export { handler as GET, handler as POST };
