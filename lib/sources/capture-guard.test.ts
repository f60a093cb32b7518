import { describe, expect, it } from "vitest";
import { checkFetchTarget } from "./capture-guard";
import type { ResolveHost } from "./capture-guard";

/** A fake DNS: unknown names fail as a real lookup would (ENOTFOUND). */
function fakeResolver(records: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = records[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

const resolve = fakeResolver({
  "www.businessinsider.com": ["151.101.2.217", "2a04:4e42::729"],
  "rebind.example": ["93.184.216.34", "127.0.0.1"],
  "metadata.example": ["169.254.169.254"],
  "intranet.example": ["10.0.0.7"],
  "v6local.example": ["fd00::1"],
  "mapped.example": ["::ffff:192.168.1.1"],
  "empty.example": [],
});

describe("checkFetchTarget", () => {
  it("accepts a public https page and returns every checked address", async () => {
    const check = await checkFetchTarget("https://www.businessinsider.com/putin-private-armies", { resolve });
    expect(check).toMatchObject({ ok: true, addresses: ["151.101.2.217", "2a04:4e42::729"] });
    expect(check.ok && check.url.hostname).toBe("www.businessinsider.com");
  });

  it.each([
    ["ftp://example.com/file", "Only http and https links can be captured."],
    ["file:///etc/passwd", "Only http and https links can be captured."],
    ["javascript:alert(1)", "Only http and https links can be captured."],
    ["not a url", "This is not a valid web address."],
    ["https://editor:secret@www.businessinsider.com/", "Links containing a user name or password cannot be captured."],
    ["https://editor@www.businessinsider.com/", "Links containing a user name or password cannot be captured."],
  ])("refuses %s", async (url, problem) => {
    expect(await checkFetchTarget(url, { resolve })).toEqual({ ok: false, problem });
  });

  it("refuses a host when ANY of its addresses is private", async () => {
    expect(await checkFetchTarget("http://rebind.example/", { resolve })).toEqual({
      ok: false,
      problem: "rebind.example points to this server itself (127.0.0.1), which FactDesk does not fetch.",
    });
  });

  it.each([
    ["http://metadata.example/latest/meta-data/", "a link-local address (169.254.169.254)"],
    ["http://intranet.example/", "a private network address (10.0.0.7)"],
    ["http://v6local.example/", "a private network address (fd00::1)"],
    ["http://mapped.example/", "a private network address (::ffff:192.168.1.1)"],
  ])("refuses %s", async (url, words) => {
    const check = await checkFetchTarget(url, { resolve });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toContain(words);
  });

  it.each([
    "http://127.0.0.1:3000/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fe80::1]/",
    "http://192.168.0.1/",
    "http://224.0.0.1/",
    "http://localhost/",
    "http://app.localhost./",
  ])("refuses the local literal %s without asking the resolver", async (url) => {
    const before = resolve.asked.length;
    const check = await checkFetchTarget(url, { resolve });
    expect(check.ok).toBe(false);
    expect(resolve.asked.length).toBe(before);
  });

  it("accepts a public IP literal without resolving", async () => {
    expect(await checkFetchTarget("http://93.184.216.34/", { resolve })).toMatchObject({ ok: true, addresses: ["93.184.216.34"] });
  });

  it("refuses hosts that do not resolve, or resolve to nothing", async () => {
    expect(await checkFetchTarget("https://nowhere.example/", { resolve })).toEqual({
      ok: false,
      problem: "The host nowhere.example could not be found.",
    });
    expect((await checkFetchTarget("https://empty.example/", { resolve })).ok).toBe(false);
  });

  it("lets private addresses through only when allowed, still refusing bad schemes and credentials", async () => {
    expect(await checkFetchTarget("http://intranet.example/", { resolve, allowPrivate: true })).toMatchObject({ ok: true });
    expect(await checkFetchTarget("http://localhost:3000/a", { resolve, allowPrivate: true })).toMatchObject({ ok: true });
    expect((await checkFetchTarget("file:///etc/passwd", { resolve, allowPrivate: true })).ok).toBe(false);
    expect((await checkFetchTarget("http://a:b@intranet.example/", { resolve, allowPrivate: true })).ok).toBe(false);
  });
});
