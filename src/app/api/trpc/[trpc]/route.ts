// tRPC over HTTP (browser, scripts with an API key). Thin: build the context, hand over, tag the
// response with its request id.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTRPCContext, requestIdFrom } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { toAppError } from "@/server/errors/to-app-error";

async function handler(req: Request) {
  const requestId = requestIdFrom(req.headers);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, requestId }),
    responseMeta({ errors }) {
      // 429s tell clients when to come back.
      const retryAfter = errors
        .map((e) => toAppError(e).details?.retryAfterSeconds)
        .find((s): s is number => typeof s === "number");
      return retryAfter ? { headers: new Headers({ "retry-after": String(retryAfter) }) } : {};
    },
  });
  response.headers.set("x-request-id", requestId);
  return response;
}

export { handler as GET, handler as POST };
