import { BlockList, isIP } from "node:net";
import { ipVersion, normalizeAddress } from "./ip";

/**
 * Names an operator can write instead of ranges: `loopback` for a reverse proxy on the same
 * machine, `private` for one on the internal network (RFC 1918 and IPv6 unique local).
 */
export const PROXY_SHORTHANDS = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
} as const;

export type TrustedProxies = {
  /** The addresses and ranges as configured, for messages and logs. */
  readonly entries: readonly string[];
  isTrusted(address: string): boolean;
};

export type ParsedProxies = { ok: true; proxies: TrustedProxies } | { ok: false; message: string };

/** No proxy trusted: every forwarded header is ignored and the TCP peer is the client. */
export const NO_TRUSTED_PROXIES: TrustedProxies = { entries: [], isTrusted: () => false };

/**
 * Parses TRUSTED_PROXIES: addresses, CIDR ranges and shorthands separated by commas or spaces,
 * e.g. `loopback`, `10.0.0.5, 10.0.1.0/24`, `fd00::/8`. Empty means none.
 */
export function parseTrustedProxies(text: string | undefined): ParsedProxies {
  const words = (text ?? "").split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { ok: true, proxies: NO_TRUSTED_PROXIES };
  const list = new BlockList();
  for (const word of words) {
    const ranges = PROXY_SHORTHANDS[word.toLowerCase() as keyof typeof PROXY_SHORTHANDS] ?? [word];
    for (const range of ranges) {
      if (!addRange(list, range)) {
        const names = Object.keys(PROXY_SHORTHANDS).join(" or ");
        return { ok: false, message: `"${word}" is not an IP address, a CIDR range (such as 10.0.0.0/8 or fd00::/8), or ${names}` };
      }
    }
  }
  return {
    ok: true,
    proxies: {
      entries: words,
      isTrusted(address) {
        const normalized = normalizeAddress(address);
        return normalized !== null && list.check(normalized, ipVersion(normalized));
      },
    },
  };
}

function addRange(list: BlockList, range: string): boolean {
  const [base, prefixText, ...rest] = range.split("/");
  // A bare address only: normalizeAddress would also accept one with a port or in brackets.
  const address = isIP(base) ? normalizeAddress(base) : null;
  if (!address || rest.length > 0) return false;
  const type = ipVersion(address);
  if (prefixText === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const prefix = Number(prefixText);
  const maxPrefix = type === "ipv4" ? 32 : 128;
  if (!/^\d+$/.test(prefixText) || prefix > maxPrefix) return false;
  list.addSubnet(address, prefix, type);
  return true;
}
