import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolveHost } from "./capture-guard";
import { fetchPage, UNREACHABLE_MESSAGE, type PageTransport, type UnreachableError } from "./fetch-page";

const PASSAGE = "The Duma bill would let regional governors raise their own armed units.";
const ARTICLE_HTML = `<!doctype html><html><head><title>Private armies</title></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Private armies</h1>
<p>${PASSAGE} Critics said the measure was aimed at preventing another mutiny.</p>
<p>The defence committee chairman, Andrey Kartapolov, said the units would guard critical infrastructure and would be armed by the ministry.</p>
<p>Analysts were divided on whether the units would ever be formed, and on who would pay for them in the poorer regions.</p>
</article></body></html>`;

/** Paths of the local test site; `hits` counts requests so refusals can prove nothing was sent. */
const hits: string[] = [];
let lastHost = "";
const server = http.createServer((request, response) => {
  hits.push(request.url ?? "");
  lastHost = request.headers.host ?? "";
  const send = (status: number, type: string | null, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}) => {
    response.writeHead(status, { ...(type ? { "content-type": type } : {}), ...headers });
    response.end(body);
  };
  switch (request.url) {
    case "/article":
      return send(200, "text/html; charset=utf-8", ARTICLE_HTML);
    case "/plain":
      return send(200, "text/plain", `Minutes of the session.\n\n${PASSAGE}\n`);
    case "/latin1":
      return send(200, "text/plain; charset=iso-8859-1", Buffer.from("Le député a parlé.", "latin1"));
    case "/meta-charset":
      return send(200, "text/html", windows1252(`<html><head><meta charset="windows-1252"></head><body><p>Café – ${PASSAGE}</p></body></html>`));
    case "/gzip":
      return send(200, "text/html", gzipSync(ARTICLE_HTML), { "content-encoding": "gzip" });
    case "/gzip-bomb":
      return send(200, "text/plain", gzipSync("a".repeat(4 * 1024 * 1024)), { "content-encoding": "gzip" });
    case "/redirect":
      return send(302, null, "", { location: "/hop" });
    case "/hop":
      return send(301, null, "", { location: `http://127.0.0.1:${port()}/article` });
    case "/loop":
      return send(302, null, "", { location: "/loop" });
    case "/to-metadata":
      return send(302, null, "", { location: "http://169.254.169.254/latest/meta-data/" });
    case "/missing":
      return send(404, "text/html", "<h1>Not here</h1>");
    case "/pdf":
      return send(200, "application/pdf", "%PDF-1.7 ...");
    case "/binary":
      return send(200, null, Buffer.from([0x89, 0x00, 0x01, 0x02, 0x00]));
    case "/declared-huge":
      return send(200, "text/plain", "x".repeat(2048), { "content-length": "2048" });
    case "/endless": {
      response.writeHead(200, { "content-type": "text/plain" });
      const chunk = "y".repeat(16 * 1024);
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      return pump();
    }
    case "/slow-body":
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("The first half arrives, ");
      return; // ...and the rest never does.
    case "/silent":
      return; // No answer at all.
    default:
      return send(404, "text/plain", "unknown test path");
  }
});

/** Latin-1 bytes, with the en dash at 0x96 where windows-1252 has it. */
function windows1252(text: string): Buffer {
  return Buffer.from(text.split("–").map((part) => Buffer.from(part, "latin1").toString("latin1")).join("\u0096"), "latin1");
}

function port(): number {
  return (server.address() as AddressInfo).port;
}
const local = (path: string) => `http://127.0.0.1:${port()}${path}`;
/** The test site is on loopback, on a port of its own: both must be allowed. */
const allow = () => ({ allowPrivate: true, timeoutMs: 2_000, allowedPorts: [port()] });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetchPage on readable pages", () => {
  it("returns an HTML page's article as plain text", async () => {
    const page = await fetchPage(local("/article"), allow());
    expect(page).toMatchObject({ finalUrl: local("/article"), httpStatus: 200, contentType: "text/html; charset=utf-8" });
    expect(page.text).toContain(PASSAGE);
    expect(page.text).toContain("Andrey Kartapolov");
    expect(page.text).not.toMatch(/<|Politics/);
  });

  it("returns plain text as served", async () => {
    const page = await fetchPage(local("/plain"), allow());
    expect(page.text).toBe(`Minutes of the session.\n\n${PASSAGE}\n`);
  });

  it("decodes the charset from the header or from a meta tag", async () => {
    expect((await fetchPage(local("/latin1"), allow())).text).toBe("Le député a parlé.");
    expect((await fetchPage(local("/meta-charset"), allow())).text).toContain(`Café – ${PASSAGE}`);
  });

  it("decompresses gzip", async () => {
    expect((await fetchPage(local("/gzip"), allow())).text).toContain(PASSAGE);
  });

  it("follows redirects, checking every hop, and reports the final address", async () => {
    const page = await fetchPage(local("/redirect"), allow());
    expect(page.finalUrl).toBe(local("/article"));
    expect(page.text).toContain(PASSAGE);
  });

  it("connects to the vetted address, not to a second lookup of the name", async () => {
    const resolve: ResolveHost = async (name) => (name === "news.example" ? [{ address: "127.0.0.1", family: 4 }] : []);
    const page = await fetchPage(`http://news.example:${port()}/plain`, { ...allow(), resolve });
    expect(page.text).toContain(PASSAGE);
    expect(lastHost).toBe(`news.example:${port()}`);
  });
});

describe("fetchPage refusals", () => {
  it("refuses loopback unless private targets are allowed, without sending anything", async () => {
    const before = hits.length;
    const allowedPorts = [port()];
    await expect(fetchPage(local("/article"), { allowedPorts })).rejects.toThrow(/this server itself \(127\.0\.0\.1\)/);
    await expect(fetchPage(`http://localhost:${port()}/article`, { allowedPorts })).rejects.toThrow(/this server itself/);
    expect(hits.length).toBe(before);
  });

  it("refuses a redirect to a private address", async () => {
    // A public site (fake DNS and transport) that redirects to the cloud metadata service.
    const resolve: ResolveHost = async () => [{ address: "93.184.216.34", family: 4 }];
    const requested: string[] = [];
    const transport: PageTransport = async ({ url }) => {
      requested.push(url.href);
      return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    };
    await expect(fetchPage("https://public.example/story", { resolve, transport })).rejects.toThrow(
      /redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, which cannot be captured: .*link-local/,
    );
    expect(requested).toEqual(["https://public.example/story"]);
  });

  it("refuses a real redirect from the test site to link-local when private targets are not allowed", async () => {
    // The local site answers through an injected fetch as if it were public; the hop it redirects to is still vetted.
    const resolve: ResolveHost = async () => [{ address: "93.184.216.34", family: 4 }];
    const transport: PageTransport = ({ signal }) => fetch(local("/to-metadata"), { redirect: "manual", signal });
    await expect(fetchPage("http://public.example/to-metadata", { resolve, transport })).rejects.toThrow(/link-local address/);
  });

  it("stops after five redirects", async () => {
    await expect(fetchPage(local("/loop"), allow())).rejects.toThrow(/redirected more than 5 times/);
  });

  it("reports the status of a failed page", async () => {
    await expect(fetchPage(local("/missing"), allow())).rejects.toMatchObject({
      message: "The server answered 404 (Not Found); nothing was captured.",
      httpStatus: 404,
      finalUrl: local("/missing"),
    });
  });

  it("refuses PDFs and binary data with a clear message", async () => {
    await expect(fetchPage(local("/pdf"), allow())).rejects.toThrow(/leads to a PDF document, not a web page/);
    await expect(fetchPage(local("/binary"), allow())).rejects.toThrow(/does not look like text/);
  });

  it("stops reading past the size limit, declared or streamed", async () => {
    await expect(fetchPage(local("/declared-huge"), { ...allow(), maxBytes: 1024 })).rejects.toThrow(
      "The page is larger than 1 KB, the most FactDesk captures; nothing was stored.",
    );
    await expect(fetchPage(local("/endless"), { ...allow(), maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    // The limit counts decompressed bytes: a few kilobytes of gzip may unpack to megabytes.
    await expect(fetchPage(local("/gzip-bomb"), { ...allow(), maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
  });

  it("gives up when the server is too slow", async () => {
    const started = Date.now();
    await expect(fetchPage(local("/silent"), { ...allow(), timeoutMs: 300 })).rejects.toMatchObject({ message: UNREACHABLE_MESSAGE, detail: "no complete answer within 300 ms" });
    await expect(fetchPage(local("/slow-body"), { ...allow(), timeoutMs: 300 })).rejects.toThrow(UNREACHABLE_MESSAGE);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("refuses an invalid link with its reason", async () => {
    await expect(fetchPage("ftp://example.org/file", allow())).rejects.toThrow("Only http and https links can be captured.");
  });
});

describe("fetchPage network failures read the same (no port scanning through captures)", () => {
  async function closedPort(): Promise<number> {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port: free } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    return free;
  }

  it("gives one message for a refused connection, a silent site, an unknown name, a disallowed port and a bad certificate", async () => {
    const refusedPort = await closedPort();
    const failures = await Promise.all([
      fetchPage(`http://127.0.0.1:${refusedPort}/`, { ...allow(), allowedPorts: [refusedPort] }).catch((error: unknown) => error),
      fetchPage(local("/silent"), { ...allow(), timeoutMs: 300 }).catch((error: unknown) => error),
      fetchPage("http://nowhere.example/", { ...allow(), allowedPorts: [80], resolve: async () => [] }).catch((error: unknown) => error),
      fetchPage("http://public.example:22/", { resolve: async () => [{ address: "93.184.216.34", family: 4 }] }).catch((error: unknown) => error),
      // The test site speaks plain HTTP: a TLS handshake with it fails as a bad certificate would.
      fetchPage(`https://127.0.0.1:${port()}/article`, allow()).catch((error: unknown) => error),
    ]);
    expect(failures.map((error) => (error as Error).message)).toEqual(Array(5).fill(UNREACHABLE_MESSAGE));
    // The causes differ, and the server log keeps them.
    const details = failures.map((error) => (error as UnreachableError).detail);
    expect(details[0]).toBe("ECONNREFUSED");
    expect(details[2]).toMatch(/did not resolve/);
    expect(details[3]).toBe("port 22 is not in CAPTURE_ALLOWED_PORTS");
    expect(new Set(details).size).toBe(5);
  });

  it("allows only ports 80 and 443 by default, without connecting anywhere else", async () => {
    const before = hits.length;
    const publicResolve: ResolveHost = async () => [{ address: "93.184.216.34", family: 4 }];
    const requested: string[] = [];
    const transport: PageTransport = async ({ url }) => {
      requested.push(url.href);
      return new Response("<p>Hello</p>", { status: 200, headers: { "content-type": "text/html" } });
    };
    for (const link of ["http://public.example:8080/", "https://public.example:8443/", "http://public.example:443/", "https://public.example:80/"]) {
      if (link.endsWith(":443/") || link.endsWith(":80/")) await expect(fetchPage(link, { resolve: publicResolve, transport })).resolves.toMatchObject({ httpStatus: 200 });
      else await expect(fetchPage(link, { resolve: publicResolve, transport })).rejects.toThrow(UNREACHABLE_MESSAGE);
    }
    expect(requested).toEqual(["http://public.example:443/", "https://public.example:80/"]);
    await expect(fetchPage(local("/article"), { allowPrivate: true })).rejects.toThrow(UNREACHABLE_MESSAGE);
    expect(hits.length).toBe(before);
  });

  it("refuses a redirect to a port that is not allowed like any unreachable site", async () => {
    const resolve: ResolveHost = async () => [{ address: "93.184.216.34", family: 4 }];
    const requested: string[] = [];
    const transport: PageTransport = async ({ url }) => {
      requested.push(url.href);
      return new Response(null, { status: 302, headers: { location: "http://public.example:6379/" } });
    };
    await expect(fetchPage("https://public.example/story", { resolve, transport })).rejects.toThrow(UNREACHABLE_MESSAGE);
    expect(requested).toEqual(["https://public.example/story"]);
  });
});
