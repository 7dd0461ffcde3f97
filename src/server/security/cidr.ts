// IP addresses and CIDR ranges, IPv4 and IPv6, without Node imports: env.ts validates
// TRUSTED_PROXIES with it while next.config loads, and the proxy and the server both match with it.

export interface Cidr {
  version: 4 | 6;
  network: bigint;
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | null {
  const parts = IPV4.exec(text)?.slice(1).map(Number);
  if (!parts || parts.some((p) => p > 255)) return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function parseIpv6(text: string): bigint | null {
  // A trailing dotted quad (::ffff:1.2.3.4) counts as the last two groups.
  let groupsText = text;
  let tail: bigint[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]!);
    if (v4 === null) return null;
    groupsText = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
    tail = [v4 >> 16n, v4 & 0xffffn];
  }
  const halves = groupsText.split("::");
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = toGroups(halves[0]!);
  const rest = halves.length === 2 ? toGroups(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const groups = [
    ...head.map((g) => BigInt(parseInt(g, 16))),
    ...Array<bigint>(8 - given).fill(0n),
    ...rest.map((g) => BigInt(parseInt(g, 16))),
    ...tail,
  ];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/** An address as a version and a number; IPv4-mapped IPv6 (::ffff:a.b.c.d) counts as the IPv4 it carries. */
export function parseIp(text: string): { version: 4 | 6; value: bigint } | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const v4 = parseIpv4(trimmed);
  if (v4 !== null) return { version: 4, value: v4 };
  if (!trimmed.includes(":")) return null;
  const v6 = parseIpv6(trimmed);
  if (v6 === null) return null;
  if (v6 >> 32n === V4_MAPPED_PREFIX >> 32n) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/** The canonical text of an address (v4 dotted; v6 lower-case, zeros compressed), or null when it is none. */
export function normalizeIp(text: string | undefined | null): string | null {
  if (!text) return null;
  const ip = parseIp(text);
  if (!ip) return null;
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => ((ip.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(":");
  return `${groups.slice(0, best.start).join(":")}::${groups.slice(best.start + best.length).join(":")}`;
}

export function parseCidr(text: string): Cidr | null {
  const [address, prefixText, ...extra] = text.trim().split("/");
  if (extra.length > 0 || !address) return null;
  const ip = parseIp(address);
  if (!ip) return null;
  const bits = ip.version === 4 ? 32 : 128;
  // An IPv4-mapped range (::ffff:10.0.0.0/104) is written with an IPv6 prefix length.
  const mapped = ip.version === 4 && address.includes(":") ? 96 : 0;
  const written = prefixText === undefined ? bits + mapped : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  const prefix = written - mapped;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  const hostBits = BigInt(bits - prefix);
  return { version: ip.version, network: (ip.value >> hostBits) << hostBits, prefix };
}

/** A comma-separated list of CIDR ranges or single addresses; null if any entry is not one. */
export function parseCidrList(text: string | undefined): Cidr[] | null {
  if (!text?.trim()) return [];
  const ranges = text.split(",").map(parseCidr);
  return ranges.every((r): r is Cidr => r !== null) ? ranges : null;
}

export function ipInRanges(address: string, ranges: readonly Cidr[]): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  return ranges.some((r) => {
    if (r.version !== ip.version) return false;
    const hostBits = BigInt((r.version === 4 ? 32 : 128) - r.prefix);
    return (ip.value >> hostBits) << hostBits === r.network;
  });
}
