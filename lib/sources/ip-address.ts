import { isIPv4, isIPv6 } from "node:net";

/** Why an address may not be fetched; "public" is the only class that may. */
export type AddressClass =
  | "public"
  | "private"
  | "loopback"
  | "link_local"
  | "unique_local"
  | "unspecified"
  | "multicast"
  | "reserved";

type Range = { base: number; prefix: number; kind: AddressClass };

// IANA special-purpose IPv4 registry, as far as reaching the public web is concerned.
const IPV4_RANGES: Range[] = [
  { base: ipv4("0.0.0.0"), prefix: 8, kind: "unspecified" },
  { base: ipv4("10.0.0.0"), prefix: 8, kind: "private" },
  { base: ipv4("100.64.0.0"), prefix: 10, kind: "private" }, // carrier-grade NAT
  { base: ipv4("127.0.0.0"), prefix: 8, kind: "loopback" },
  { base: ipv4("169.254.0.0"), prefix: 16, kind: "link_local" }, // includes cloud metadata 169.254.169.254
  { base: ipv4("172.16.0.0"), prefix: 12, kind: "private" },
  { base: ipv4("192.0.0.0"), prefix: 24, kind: "reserved" },
  { base: ipv4("192.0.2.0"), prefix: 24, kind: "reserved" },
  { base: ipv4("192.88.99.0"), prefix: 24, kind: "reserved" },
  { base: ipv4("192.168.0.0"), prefix: 16, kind: "private" },
  { base: ipv4("198.18.0.0"), prefix: 15, kind: "reserved" },
  { base: ipv4("198.51.100.0"), prefix: 24, kind: "reserved" },
  { base: ipv4("203.0.113.0"), prefix: 24, kind: "reserved" },
  { base: ipv4("224.0.0.0"), prefix: 4, kind: "multicast" },
  { base: ipv4("240.0.0.0"), prefix: 4, kind: "reserved" }, // includes 255.255.255.255
];

/**
 * Classify an IP address (IPv4 dotted quad or IPv6, zone id allowed).
 * IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address. Outside
 * global unicast (2000::/3) every IPv6 address is refused.
 * Returns null for a string that is not an IP address.
 */
export function classifyAddress(address: string): AddressClass | null {
  if (isIPv4(address)) return classifyIPv4(ipv4(address));
  const groups = parseIPv6(address);
  return groups ? classifyIPv6(groups) : null;
}

function classifyIPv4(value: number): AddressClass {
  for (const range of IPV4_RANGES) {
    if (value >>> (32 - range.prefix) === range.base >>> (32 - range.prefix)) return range.kind;
  }
  return "public";
}

function classifyIPv6(g: number[]): AddressClass {
  const embedded = (high: number, low: number) => classifyIPv4(((high << 16) | low) >>> 0);
  const leadingZeros = g.findIndex((group) => group !== 0);
  if (leadingZeros === -1) return "unspecified";
  if (leadingZeros === 7 && g[7] === 1) return "loopback";
  if (leadingZeros === 5 && g[5] === 0xffff) return embedded(g[6] as number, g[7] as number);
  const [first = 0, second = 0] = g;
  if (first === 0x64 && second === 0xff9b && g.slice(2, 6).every((group) => group === 0)) {
    return embedded(g[6] as number, g[7] as number);
  }
  // IPv4-compatible (::a.b.c.d, deprecated) and the rest of ::/8.
  if (first < 0x0100) return "reserved";
  if (first === 0x2002) return embedded(second, g[2] as number);
  if ((first & 0xffc0) === 0xfe80) return "link_local";
  if ((first & 0xfe00) === 0xfc00) return "unique_local";
  if ((first & 0xff00) === 0xff00) return "multicast";
  if ((first & 0xe000) !== 0x2000) return "reserved"; // not global unicast (includes fec0::/10, 64:ff9b:1::/48)
  if (first === 0x2001 && second < 0x0200) return "reserved"; // IETF protocol assignments, Teredo
  if (first === 0x2001 && second === 0x0db8) return "reserved"; // documentation
  if (first === 0x3fff && second < 0x1000) return "reserved"; // documentation (RFC 9637)
  return "public";
}

function ipv4(address: string): number {
  return address.split(".").reduce((value, octet) => ((value << 8) | Number(octet)) >>> 0, 0);
}

/** Eight 16-bit groups, or null when not a valid IPv6 address. */
function parseIPv6(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!isIPv6(text)) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const value = ipv4(dotted);
    text = `${text.slice(0, -dotted.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const toGroups = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const front = toGroups(head);
  const back = tail === undefined ? [] : toGroups(tail);
  const zeros = tail === undefined ? 0 : 8 - front.length - back.length;
  return [...front, ...Array<number>(zeros).fill(0), ...back];
}
