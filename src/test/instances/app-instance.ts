// One app instance for multi-instance tests, run as its own Node process (spawn-instance.ts starts
// it): the app's start-up (src/instrumentation.ts: client-IP hook, database, online tracking) and
// its API route handlers (tRPC and REST, with their load shedding, request ids and error shape)
// behind a plain node:http server, without Next. It listens on an ephemeral port, runs background
// jobs in-process like the app, and talks to its parent over IPC:
//   → { type: "ready", port, pid, bus }      once it serves requests and its bus listens
//   → { type: "job-ran", jobId, pid }        each time the test job type's handler starts
// It exits when the parent goes away (the IPC channel closes), so a crashed test run leaves no
// instance behind.
//
// Env (besides the app's own): CASEBOARD_TEST_JOB_TYPE registers a system job type whose handler
// reports its run and waits `ms` from its payload; CASEBOARD_TEST_TICK_MS is the in-process job
// ticker's pause (the app's is 5 s; tests set JOBS_IN_PROCESS=false so the app's start-up leaves
// the ticker to this file, which starts the same one with that pause).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

type Handler = (req: Request) => Promise<Response>;

/** The app's route handlers by path prefix, as Next would route them. */
interface Routes {
  trpc: Record<"GET" | "POST", Handler>;
  rest: Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>;
}

function send(message: Record<string, unknown>): void {
  process.send?.(message);
}

/** node:http → fetch Request. The client-IP hook has already rewritten `req.headers` (its stamp included). */
async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`), { method, headers, body });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  // Written as it comes, so an event stream flows too.
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    res.write(chunk.value);
  }
  res.end();
}

function route(routes: Routes, req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  const method = req.method as keyof Routes["rest"];
  if (path.startsWith("/api/trpc/") && (method === "GET" || method === "POST")) return routes.trpc[method](req);
  if (path.startsWith("/api/v1/") && method in routes.rest) return routes.rest[method](req);
  return Promise.resolve(Response.json({ code: "NOT_FOUND", message: `No route ${req.method} ${path}` }, { status: 404 }));
}

async function registerTestJob(type: string): Promise<void> {
  const { defineJob, registerJob } = await import("@/server/jobs");
  registerJob(
    defineJob({
      type,
      scope: "system",
      transaction: "per-call",
      payload: z.object({ ms: z.number().int().min(0).max(10_000) }),
      async handler({ ms }, { job, signal }) {
        // Reported when the handler starts, so a second run of the same job is seen even if it loses its lease.
        send({ type: "job-ran", jobId: job.id, pid: process.pid });
        await sleep(ms, undefined, { signal });
        return { pid: process.pid };
      },
    }),
  );
}

async function main(): Promise<void> {
  process.env.NEXT_RUNTIME = "nodejs";
  const { env } = await import("@/env");
  const { getBus } = await import("@/server/realtime/bus");
  // Subscribed before the start-up opens the bus, so the first "listening" is not missed.
  const listening = new Promise<void>((resolve) => {
    const off = getBus().onReconnect(() => {
      off();
      resolve();
    });
  });
  const { register } = await import("@/instrumentation");
  await register();
  if (process.env.CASEBOARD_TEST_JOB_TYPE) await registerTestJob(process.env.CASEBOARD_TEST_JOB_TYPE);
  if (!env.JOBS_IN_PROCESS) {
    // What register() does with JOBS_IN_PROCESS on, with the test's pause between runs.
    await import("@/server/services/feature-jobs");
    const { startInProcessTicker } = await import("@/server/jobs");
    startInProcessTicker({ intervalMs: Number(process.env.CASEBOARD_TEST_TICK_MS ?? 5_000) });
  }

  const trpc = (await import("@/app/api/trpc/[trpc]/route")) as Routes["trpc"];
  const rest = (await import("@/app/api/v1/[...path]/route")) as Routes["rest"];
  const routes: Routes = { trpc, rest };
  const server = createServer((req, res) => {
    void toRequest(req)
      .then((request) => route(routes, request))
      .then((response) => writeResponse(response, res))
      .catch((error: unknown) => {
        // The handlers answer their own errors; this is the adapter failing, which a test must see.
        process.stderr.write(`app-instance: ${error instanceof Error ? error.stack : String(error)}\n`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("app-instance adapter error");
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await listening;
  send({ type: "ready", port: (server.address() as AddressInfo).port, pid: process.pid, bus: getBus().kind });
}

// The parent is gone (or closed the channel): nothing will stop this instance otherwise.
process.on("disconnect", () => process.exit(0));
main().catch((error: unknown) => {
  process.stderr.write(`app-instance failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
