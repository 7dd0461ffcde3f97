// Sees every incoming HTTP request with its socket, before Next does (Node's
// "http.server.request.start" diagnostics channel fires ahead of the server's request handler),
// and decides there what the rest of the app may believe about where the request came from:
// - the client IP (client-ip.ts), stamped for clientIpFrom() and written as the only
//   X-Forwarded-For entry, so nothing downstream can read a forged one;
// - X-Forwarded-Host/-Proto/-Port and Forwarded only from a trusted proxy; from anyone else they
//   are dropped, and Next then fills them in from the Host header and the socket.
// Installed once per process by src/instrumentation.ts.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingHttpHeaders } from "node:http";
import { ipInRanges, normalizeIp, type Cidr } from "./cidr";
import { CLIENT_IP_HEADER, clientIpStamp, resolveClientIp, trustedProxies } from "./client-ip";

const PROXY_ONLY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Rewrites the incoming request's headers as described above; exported for tests. */
export function vetIncomingRequest(request: { headers: IncomingHttpHeaders }, peer: string | undefined, trusted: readonly Cidr[] = trustedProxies()): void {
  const headers = request.headers;
  const ip = resolveClientIp(peer, joined(headers["x-forwarded-for"]), trusted);
  const peerIp = normalizeIp(peer);
  if (!peerIp || !ipInRanges(peerIp, trusted)) for (const name of PROXY_ONLY_HEADERS) delete headers[name];
  if (ip) headers["x-forwarded-for"] = ip;
  else delete headers["x-forwarded-for"];
  headers[CLIENT_IP_HEADER] = clientIpStamp(ip);
}

interface RequestStart {
  request: { headers: IncomingHttpHeaders };
  socket: { remoteAddress?: string };
}

const globalForHook = globalThis as unknown as { caseboardClientIpHook?: boolean };

export function installClientIpHook(): void {
  if (globalForHook.caseboardClientIpHook) return;
  globalForHook.caseboardClientIpHook = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    vetIncomingRequest(request, socket.remoteAddress);
  });
}
