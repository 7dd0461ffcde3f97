// The one decision about which address a request comes from; every limiter, guard, log line and
// audit row gets its IP from clientIpFrom().
//
// X-Forwarded-For is written by whoever sends the request, so only the hops added by proxies we
// trust (TRUSTED_PROXIES) count: walking the chain from the socket leftwards, the first address
// that is not a trusted proxy is the client. Route handlers and pages never see the socket, and
// Next fills in X-Forwarded-For from the socket only when the client sent none, so the decision
// is made where the socket is known (client-ip-hook.ts, on every incoming HTTP request) and
// stamped onto the request. The stamp carries a per-process secret: a header a client sends
// itself, or one on a request that never passed the hook, is ignored.
import { env } from "@/env";
import { ipInRanges, normalizeIp, parseCidrList, type Cidr } from "./cidr";

export const CLIENT_IP_HEADER = "x-caseboard-client-ip";

const globalForClientIp = globalThis as unknown as { caseboardClientIpStamp?: string; caseboardTrustedProxies?: Cidr[] };

/** Random per process; shared through globalThis by the hook and every bundle that reads the stamp. */
function processStamp(): string {
  globalForClientIp.caseboardClientIpStamp ??= crypto.randomUUID();
  return globalForClientIp.caseboardClientIpStamp;
}

export function trustedProxies(): readonly Cidr[] {
  // env.ts has validated the list already.
  globalForClientIp.caseboardTrustedProxies ??= parseCidrList(env.TRUSTED_PROXIES) ?? [];
  return globalForClientIp.caseboardTrustedProxies;
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the rightmost
 * X-Forwarded-For entry that is not a trusted proxy (or the leftmost, if all are). An entry that
 * is not an address stops the walk at the last trusted hop, which is all that is known for sure.
 */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: readonly Cidr[]): string | undefined {
  let client = normalizeIp(peer);
  if (!client) return undefined;
  if (!ipInRanges(client, trusted)) return client;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) break;
    client = hop;
    if (!ipInRanges(hop, trusted)) break;
  }
  return client;
}

/** The header value that tells later readers the hook decided this request's IP. */
export function clientIpStamp(ip: string | undefined): string {
  return `${processStamp()} ${ip ?? ""}`;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The client's IP as decided for this request, or undefined when no trustworthy decision is on it. */
export function clientIpFrom(headers: HeaderSource): string | undefined {
  const stamped = headerOf(headers, CLIENT_IP_HEADER);
  const [stamp, ip] = stamped?.split(" ") ?? [];
  if (stamp !== processStamp()) return undefined;
  return ip || undefined;
}
