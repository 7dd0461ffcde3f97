// trpc-to-openapi's fetch adapter, with its handler made once instead of on every request. The
// library's createOpenApiFetchHandler builds a new node-http handler per call, and that builds
// the route table from the whole router each time, and outside production also regenerates the
// whole OpenAPI document to validate the router: measured 0.7 ms per request in production and
// 61 ms in development and tests. Here the handler is made once per router; each request is
// handed to it the way the library's fetch adapter does (a Request whose `body` is the parsed
// JSON, and a response shim), and its own per-request values reach createContext by the request.
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { createOpenApiNodeHttpHandler, type CreateOpenApiNodeHttpHandlerOptions } from "trpc-to-openapi";
import type { OpenApiRouter } from "trpc-to-openapi";

// The library's types name Node's request and response; at run time its own fetch adapter hands
// the handler a Request and a shim, as this file does.
type NodeRequest = IncomingMessage & { body?: unknown };
type NodeOptions = CreateOpenApiNodeHttpHandlerOptions<OpenApiRouter, NodeRequest, ServerResponse>;

export interface OpenApiResponse {
  setHeader(name: string, value: string | string[]): void;
  statusCode: number | undefined;
  end(body?: string): void;
}

export interface OpenApiFetchOptions<Extra> {
  router: OpenApiRouter;
  /** Mounted under this path: it is cut from the URL before the route table is searched. */
  endpoint: string;
  createContext(extra: Extra): unknown;
  responseMeta: NonNullable<NodeOptions["responseMeta"]>;
}

/** The body as the library's fetch adapter hands it on: parsed JSON, or a PARSE_ERROR once read. */
async function readBody(req: Request): Promise<{ ok: true; data: unknown } | { ok: false; cause: unknown }> {
  try {
    const type = req.headers.get("content-type") ?? "";
    if (type.includes("application/json")) return { ok: true, data: JSON.parse(await req.text()) };
    if (type.includes("application/x-www-form-urlencoded")) {
      const params = new URLSearchParams(await req.text());
      return { ok: true, data: Object.fromEntries([...params.keys()].map((key) => [key, params.getAll(key)])) };
    }
    return { ok: true, data: req.body };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/** A fetch handler over one node-http handler made now; `extra` is whatever createContext needs of this request. */
export function createCachedOpenApiFetchHandler<Extra>(options: OpenApiFetchOptions<Extra>) {
  const extras = new WeakMap<object, Extra>();
  const handle = createOpenApiNodeHttpHandler<OpenApiRouter, NodeRequest, ServerResponse>({
    router: options.router,
    createContext: ({ req }) => options.createContext(extras.get(req) as Extra) as never,
    responseMeta: options.responseMeta,
  });

  return async (req: Request, extra: Extra): Promise<Response> => {
    const url = req.url.replace(options.endpoint, "");
    const body = await readBody(req);
    const proxied = new Proxy(req, {
      get(target, prop) {
        if (prop === "url") return url;
        if (prop === "body") {
          if (!body.ok) throw new TRPCError({ code: "PARSE_ERROR", message: "Failed to parse request body", cause: body.cause });
          return body.data;
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    extras.set(proxied, extra);
    return new Promise<Response>((resolve, reject) => {
      const headers = new Headers();
      const res: OpenApiResponse = {
        statusCode: undefined,
        setHeader(name, value) {
          if (typeof value === "string") headers.set(name, value);
          else for (const v of value) headers.append(name, v);
        },
        end(text) {
          resolve(new Response(text, { status: res.statusCode, headers }));
        },
      };
      handle(proxied as unknown as NodeRequest, res as unknown as ServerResponse).catch(reject);
    });
  };
}
