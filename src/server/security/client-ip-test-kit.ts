// For tests: the headers a request carries once it has arrived from `peer` and passed the
// client-ip hook, as every real request does before the app sees it.
import type { IncomingHttpHeaders } from "node:http";
import type { Cidr } from "./cidr";
import { vetIncomingRequest } from "./client-ip-hook";

export function headersFromPeer(peer: string, headers: Record<string, string> = {}, trusted: readonly Cidr[] = []): Record<string, string> {
  const request = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) as IncomingHttpHeaders };
  vetIncomingRequest(request, peer, trusted);
  return request.headers as Record<string, string>;
}
