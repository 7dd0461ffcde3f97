// A procedure whose answer breaks its own output schema has a bug on the server. The caller gets
// 500 "Internal error" in the one error shape: not a 400 blaming its input, and no field errors
// describing the answer's internals.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTRPCContext } from "@/server/api/context";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";

const router = createTRPCRouter({
  broken: publicProcedure
    .input(z.object({ name: z.string().min(2) }))
    .output(z.object({ count: z.number() }))
    .query(() => ({ count: "seven", internalNote: "secret" }) as unknown as { count: number }),
});

async function get(input: unknown) {
  const url = new URL("http://caseboard.test/api/trpc/broken");
  url.searchParams.set("input", JSON.stringify({ json: input }));
  const req = new Request(url, { headers: { "x-request-id": "req-output-check" } });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router, createContext: () => createTRPCContext({ headers: req.headers, user: null }) });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string; details?: Record<string, unknown>; requestId: string } } } };
  return { status: res.status, error: body.error?.json };
}

describe("an answer that fails its output schema", () => {
  it("is a 500 Internal error with the request id and no field errors", async () => {
    const { status, error } = await get({ name: "Ada" });
    expect(status).toBe(500);
    expect(error?.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error?.message).toBe("Internal error");
    expect(error?.data.requestId).toBe("req-output-check");
    expect(JSON.stringify(error)).not.toContain("count");
  });

  it("leaves bad input a 400 with its field errors", async () => {
    const { status, error } = await get({ name: "A" });
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(Object.keys((error?.data.details?.fieldErrors as object) ?? {})).toEqual(["name"]);
  });
});
