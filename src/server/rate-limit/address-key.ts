// The key a limit counts a client's address under. An IPv4 address is one client. An IPv6
// address is not: a home or cloud connection is handed a whole /64 (often a /56 or /48) and may
// use any address in it, so a limit keyed by the full address is one the client can step around
// with every request. Counting the /64 is what mail servers and CDNs do; it can put a few
// households behind one carrier-grade IPv6 prefix, which the limits' sizes allow for. Audit rows
// and logs keep the full address; only the limits count by network.
import { normalizeIp, parseIp } from "@/server/security/cidr";

const HOST_BITS_V6 = 64n;

/** `ip:<address>` for IPv4 (IPv4-mapped IPv6 included), `ip:<prefix>::/64` for IPv6, `ip:unknown` without one. */
export function addressLimitKey(ip: string | undefined | null): string {
  const parsed = ip ? parseIp(ip) : null;
  if (!parsed) return "ip:unknown";
  if (parsed.version === 4) return `ip:${normalizeIp(ip)}`;
  const network = parsed.value >> HOST_BITS_V6;
  const groups = [48n, 32n, 16n, 0n].map((s) => ((network >> s) & 0xffffn).toString(16));
  return `ip:${groups.join(":")}::/64`;
}
