import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildResponseHeaders, createNonce, isServedOverHttps } from "./headers";

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only from this origin and with the request's nonce", () => {
    const policy = buildContentSecurityPolicy("abc123", { isDev: false, isHttps: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
  });

  it("lets React's development tools evaluate code only in development", () => {
    expect(buildContentSecurityPolicy("n", { isDev: true, isHttps: false })).toContain("'unsafe-eval'");
  });

  it("does not upgrade requests on plain http (local use)", () => {
    expect(buildContentSecurityPolicy("n", { isDev: false, isHttps: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("createNonce", () => {
  it("is random and base64", () => {
    const [first, second] = [createNonce(), createNonce()];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe("HSTS", () => {
  it("is sent when the app is served over HTTPS, by its configured URL or the request itself, for at least a year with subdomains", () => {
    expect(isServedOverHttps({ requestProtocol: "http:", appUrl: "https://desk.example.org" })).toBe(true);
    expect(isServedOverHttps({ requestProtocol: "https:", appUrl: undefined })).toBe(true);
    expect(isServedOverHttps({ requestProtocol: "http:", appUrl: "http://localhost:3000" })).toBe(false);
    const hsts = buildResponseHeaders({ isHttps: true })["Strict-Transport-Security"];
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain("includeSubDomains");
    expect(buildResponseHeaders({ isHttps: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});
