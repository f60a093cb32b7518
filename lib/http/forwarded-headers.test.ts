import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { areForwardedHeadersResolved, markForwardedHeadersResolved, readClientAddress } from "./client-address";
import { resolveForwarding, rewriteForwardedHeaders } from "./forwarded-headers";
import { addressBlock, normalizeAddress } from "./ip";
import { NO_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

function proxies(text: string): TrustedProxies {
  const parsed = parseTrustedProxies(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.proxies;
}

function resolve(peer: string, headers: IncomingHttpHeaders, trusted: TrustedProxies, isEncrypted = false) {
  return resolveForwarding({ peer, isEncrypted, headers }, trusted);
}

describe("normalizeAddress", () => {
  it("gives one form for the ways sockets and proxies write an address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress(" 203.0.113.9:4711 ")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("::1")).toBe("::1");
  });

  it("refuses what is not an address", () => {
    for (const text of ["", "  ", "unknown", "evil.example", "1.2.3", "256.1.1.1", "1.2.3.4, 5.6.7.8", undefined, null]) {
      expect(normalizeAddress(text)).toBeNull();
    }
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(addressBlock("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBlock("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
  });
});

describe("parseTrustedProxies", () => {
  it("trusts nothing when unset or empty", () => {
    for (const text of [undefined, "", " , "]) {
      const parsed = parseTrustedProxies(text);
      expect(parsed).toMatchObject({ ok: true });
      if (parsed.ok) expect(parsed.proxies.isTrusted("127.0.0.1")).toBe(false);
    }
  });

  it("reads addresses, CIDR ranges and the loopback and private shorthands", () => {
    const list = proxies("10.0.0.5, 192.168.1.0/24 fd00::/8");
    expect(list.entries).toEqual(["10.0.0.5", "192.168.1.0/24", "fd00::/8"]);
    expect(["10.0.0.5", "192.168.1.77", "fd12::3", "::ffff:10.0.0.5"].map(list.isTrusted)).toEqual([true, true, true, true]);
    expect(["10.0.0.6", "192.168.2.1", "fe80::1", "127.0.0.1", "not an address"].map(list.isTrusted)).toEqual([false, false, false, false, false]);

    const loopback = proxies("loopback");
    expect(["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"].map(loopback.isTrusted)).toEqual([true, true, true, true]);
    expect(loopback.isTrusted("10.0.0.1")).toBe(false);
    const internal = proxies("Private");
    expect(["10.1.2.3", "172.20.0.1", "192.168.0.1", "fd00::1"].map(internal.isTrusted)).toEqual([true, true, true, true]);
    expect(["172.32.0.1", "8.8.8.8", "127.0.0.1"].map(internal.isTrusted)).toEqual([false, false, false]);
  });

  it("refuses a word that is no address, range or shorthand, and says what it expected", () => {
    for (const text of ["10.0.0.0/33", "::/129", "proxy.internal", "10.0.0.1:80", "10.0.0.0/8/1", "10.0.0.0/x", "[::1]"]) {
      const parsed = parseTrustedProxies(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/is not an IP address, a CIDR range .* or loopback or private/);
    }
  });
});

describe("resolveForwarding", () => {
  it("without trusted proxies, takes the TCP peer and ignores every forwarded header", () => {
    const forged = { "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "443" };
    expect(resolve("203.0.113.9", forged, NO_TRUSTED_PROXIES)).toEqual({
      clientAddress: "203.0.113.9", proto: "http", host: null, port: null, isPeerTrusted: false,
    });
    expect(resolve("::ffff:127.0.0.1", forged, NO_TRUSTED_PROXIES).clientAddress).toBe("127.0.0.1");
    expect(resolve("203.0.113.9", {}, NO_TRUSTED_PROXIES, true).proto).toBe("https");
  });

  it("ignores the headers of a peer that is not a trusted proxy, even with proxies configured", () => {
    const forwarding = resolve("203.0.113.9", { "x-forwarded-for": "10.0.0.5, 127.0.0.1" }, proxies("loopback, 10.0.0.0/8"));
    expect(forwarding).toMatchObject({ clientAddress: "203.0.113.9", isPeerTrusted: false });
  });

  it("behind a trusted proxy, takes the address it received the request from", () => {
    const forwarding = resolve("127.0.0.1", { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https", "x-forwarded-host": "factdesk.example.org" }, proxies("loopback"));
    expect(forwarding).toEqual({ clientAddress: "198.51.100.7", proto: "https", host: "factdesk.example.org", port: null, isPeerTrusted: true });
  });

  it("never reaches what the client wrote into the header itself: the first untrusted hop from the right wins", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(resolve("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 198.51.100.7" }, proxies("loopback")).clientAddress).toBe("198.51.100.7");
    expect(resolve("127.0.0.1", { "x-forwarded-for": ["1.1.1.1", "198.51.100.7"] }, proxies("loopback")).clientAddress).toBe("198.51.100.7");
  });

  it("walks through a chain of trusted proxies to the client", () => {
    const chain = proxies("loopback, 10.0.0.0/8");
    expect(resolve("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.3, 10.0.0.2" }, chain).clientAddress).toBe("198.51.100.7");
    // Every hop trusted (an internal client): the leftmost one.
    expect(resolve("127.0.0.1", { "x-forwarded-for": "10.0.0.9, 10.0.0.2" }, chain).clientAddress).toBe("10.0.0.9");
    // A trusted proxy that sent no header is itself the client.
    expect(resolve("10.0.0.2", {}, chain).clientAddress).toBe("10.0.0.2");
  });

  it("stops at a hop that is not an address, at the last one it could trust", () => {
    const chain = proxies("loopback, 10.0.0.0/8");
    expect(resolve("127.0.0.1", { "x-forwarded-for": "1.2.3.4, garbage, 10.0.0.2" }, chain).clientAddress).toBe("10.0.0.2");
    expect(resolve("127.0.0.1", { "x-forwarded-for": "unknown" }, chain).clientAddress).toBe("127.0.0.1");
  });

  it("takes the nearest proxy's protocol, host and port, and refuses values that are not one", () => {
    const headers = { "x-forwarded-proto": "http, https", "x-forwarded-host": "a.example, factdesk.example.org", "x-forwarded-port": "80, 443" };
    expect(resolve("127.0.0.1", headers, proxies("loopback"))).toMatchObject({ proto: "https", host: "factdesk.example.org", port: "443" });
    expect(resolve("127.0.0.1", { "x-forwarded-proto": "gopher", "x-forwarded-port": "x" }, proxies("loopback"))).toMatchObject({ proto: "http", port: null });
  });
});

describe("rewriteForwardedHeaders", () => {
  function request(peer: string, headers: IncomingHttpHeaders): IncomingMessage {
    return { socket: { remoteAddress: peer }, headers: { host: "factdesk.example.org", ...headers } } as unknown as IncomingMessage;
  }

  it("leaves Next.js one address, the client's, and drops the rest of what an untrusted client sent", () => {
    const incoming = request("203.0.113.9", {
      "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "1",
      forwarded: "for=198.51.100.1", "x-real-ip": "198.51.100.1",
    });
    rewriteForwardedHeaders(incoming, NO_TRUSTED_PROXIES);
    expect(incoming.headers).toEqual({ host: "factdesk.example.org", "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "http" });
  });

  it("keeps what a trusted proxy vouches for", () => {
    const incoming = request("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 198.51.100.7", "x-forwarded-proto": "https", "x-forwarded-host": "factdesk.example.org", "x-real-ip": "198.51.100.7" });
    rewriteForwardedHeaders(incoming, proxies("loopback"));
    expect(incoming.headers).toMatchObject({ "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https", "x-forwarded-host": "factdesk.example.org", "x-real-ip": "198.51.100.7" });
  });
});

describe("readClientAddress", () => {
  it("is unknown until server.ts resolves the headers, then reads the one address it wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    // `next dev` or a bare `next start`: the header is whatever the client sent.
    expect(areForwardedHeadersResolved()).toBe(false);
    expect(readClientAddress(headers)).toBeNull();
    markForwardedHeadersResolved();
    expect(readClientAddress(headers)).toBe("203.0.113.9");
    expect(readClientAddress({ "x-forwarded-for": "::ffff:203.0.113.10" })).toBe("203.0.113.10");
    expect(readClientAddress({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" })).toBeNull();
    expect(readClientAddress(new Headers())).toBeNull();
    expect(readClientAddress(undefined)).toBeNull();
    expect(readClientAddress({ "x-forwarded-for": 42 })).toBeNull();
  });
});
