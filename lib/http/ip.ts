import { isIP } from "node:net";

/**
 * An address as a proxy or the socket gives it, in one canonical form, or null when it is not an
 * IP address: brackets, a port (`203.0.113.9:4711`, `[2001:db8::1]:443`) and an IPv6 zone are
 * dropped, an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, as a dual-stack socket reports IPv4
 * peers) becomes the IPv4 address, and IPv6 is lower-cased.
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  let text = raw?.trim();
  if (!text) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "").toLowerCase();
  const version = isIP(text);
  if (version === 4) return text;
  if (version !== 6) return null;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  return mapped && isIP(mapped) === 4 ? mapped : text;
}

export function ipVersion(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 4 ? "ipv4" : "ipv6";
}

/**
 * The block one client controls, which per-address limits count: an IPv4 address, or the /64 an
 * IPv6 address is in (a single customer is routinely given a whole /64).
 */
export function addressBlock(address: string): string {
  if (ipVersion(address) === "ipv4") return address;
  const groups = expandIPv6(address);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::");
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  const zeros = Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0");
  return [...front, ...(tail === undefined ? [] : zeros), ...back].map((group) => (parseInt(group, 16) || 0).toString(16));
}
