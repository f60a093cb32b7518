import { classifyAddress } from "./ip-address";
import type { AddressClass } from "./ip-address";

/** What `dns.promises.lookup(host, { all: true })` returns. */
export type ResolvedAddress = { address: string; family?: number };
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export type FetchTargetOptions = {
  /** The resolver; production passes `resolveHostWithDns`, tests a fake. */
  resolve: ResolveHost;
  /** Skip the address checks (local development against a local server). */
  allowPrivate?: boolean;
};

/** `addresses` are the checked ones: connect to these, not to a fresh lookup (DNS rebinding). */
export type FetchTargetCheck =
  | { ok: true; url: URL; addresses: string[] }
  | { ok: false; problem: string };

const ADDRESS_WORDS: Record<Exclude<AddressClass, "public">, string> = {
  private: "a private network address",
  loopback: "this server itself",
  link_local: "a link-local address",
  unique_local: "a private network address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/**
 * May FactDesk fetch this cited page? Refuses anything but http(s), URLs with
 * credentials, and hosts of which ANY resolved address is not public (one bad
 * answer among good ones is how rebinding attacks get in). Redirects must be
 * checked again hop by hop by the caller.
 */
export async function checkFetchTarget(url: string, options: FetchTargetOptions): Promise<FetchTargetCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, problem: "This is not a valid web address." };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, problem: "Only http and https links can be captured." };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, problem: "Links containing a user name or password cannot be captured." };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (!host) return { ok: false, problem: "This link has no host name." };
  const addresses = await resolveAddresses(host, options.resolve);
  if (!addresses) return { ok: false, problem: `The host ${host} could not be found.` };
  if (!options.allowPrivate) {
    for (const address of addresses) {
      const kind = classifyAddress(address) ?? "reserved";
      if (kind !== "public") {
        return { ok: false, problem: `${host} points to ${ADDRESS_WORDS[kind]} (${address}), which FactDesk does not fetch.` };
      }
    }
  }
  return { ok: true, url: parsed, addresses };
}

async function resolveAddresses(host: string, resolve: ResolveHost): Promise<string[] | null> {
  // An IP literal is its own answer; "localhost" names never leave the machine (RFC 6761).
  if (classifyAddress(host)) return [host];
  if (host === "localhost" || host.endsWith(".localhost")) return ["127.0.0.1"];
  try {
    const answers = await resolve(host);
    return answers.length > 0 ? answers.map((answer) => answer.address) : null;
  } catch {
    return null;
  }
}
