// A route handler answers only the methods it exports; Next answers any other with a bare 405 and
// no body. Each route also exports these, so a wrong method gets the one error shape (code,
// message, the methods it takes, request id) and an Allow header, like every other refusal.
//   export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
// Only light modules at run time (the liveness route exports these too): the body is built here
// in the shape toErrorBody gives, checked against its type.
import { AppError } from "@/server/errors/app-error";
import type { ErrorBody } from "@/server/errors/to-app-error";
import { requestIdFrom } from "./request-id";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export function otherMethods(allowed: readonly Method[]): Record<Method, (req: Request) => Response> {
  const refuse = (req: Request) => {
    const requestId = requestIdFrom(req.headers);
    const error = new AppError("METHOD_NOT_SUPPORTED", `${req.method} is not supported here; use ${allowed.join(" or ")}`, { allowed: [...allowed] });
    const body = { code: error.code, message: error.message, details: error.details, requestId } satisfies ErrorBody;
    return Response.json(body, {
      status: error.httpStatus,
      headers: { allow: [...allowed, "OPTIONS"].join(", "), "x-request-id": requestId, "cache-control": "no-store" },
    });
  };
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
