import http from "node:http";
import https from "node:https";
import { isIPv6, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { extractArticleFromHtml } from "@/lib/articles/extract-html";
import { checkFetchTarget, type ResolveHost } from "./capture-guard";
import { resolveHostWithDns } from "./dns-resolve";

/** One HTTP GET to `url`, connecting to `address` (already vetted by checkFetchTarget). */
export type PageRequest = { url: URL; address: string; headers: Record<string, string>; signal: AbortSignal };
/** The parts of a response fetchPage reads; a `fetch` Response fits (use `redirect: "manual"`). */
export type PageResponse = { status: number; headers: Headers; body: ReadableStream<Uint8Array> | null };
export type PageTransport = (request: PageRequest) => Promise<PageResponse>;

export type FetchPageOptions = {
  resolve?: ResolveHost;
  /** Private, loopback and link-local targets (tests, intranets); see CAPTURE_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
  /** For the whole capture: every redirect hop and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests may inject one; only the default pins the connection to the vetted address. */
  transport?: PageTransport;
  signal?: AbortSignal;
};

/** `text` is readable plain text: an HTML page's article, a text file as served. */
export type FetchedPage = { finalUrl: string; httpStatus: number; contentType: string; text: string };

/** Why a capture failed, worded for the editor; status and final URL when the server answered. */
export class FetchPageError extends Error {
  constructor(message: string, readonly httpStatus?: number, readonly finalUrl?: string) {
    super(message);
    this.name = "FetchPageError";
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const REQUEST_HEADERS = {
  accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "FactDesk-Capture/1.0 (newsroom fact-checking)",
};

/**
 * Fetch a cited page for capture. Every hop is vetted by checkFetchTarget before
 * it is requested (redirects are followed by hand), and the default transport
 * connects to the vetted address itself, so a second DNS answer cannot point it
 * elsewhere (DNS rebinding). Throws FetchPageError only.
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const { url: finalUrl, response } = await followRedirects(url, { ...options, signal });
    return await readPage(finalUrl, response, options.maxBytes ?? DEFAULT_MAX_BYTES, signal);
  } catch (error) {
    throw toFetchPageError(error, signal, timeoutMs);
  }
}

type HopSettings = FetchPageOptions & { signal: AbortSignal };

async function followRedirects(url: string, settings: HopSettings): Promise<{ url: URL; response: PageResponse }> {
  const transport = settings.transport ?? requestPinned;
  let next = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const target = await checkFetchTarget(next, { resolve: settings.resolve ?? resolveHostWithDns, allowPrivate: settings.allowPrivate });
    if (!target.ok) {
      throw new FetchPageError(hop === 0 ? target.problem : `The page redirected to ${next}, which cannot be captured: ${target.problem}`);
    }
    const address = target.addresses[0] as string;
    const response = await transport({ url: target.url, address, headers: REQUEST_HEADERS, signal: settings.signal });
    if (!REDIRECT_STATUSES.has(response.status)) return { url: target.url, response };
    await discardBody(response);
    next = resolveLocation(response, target.url);
  }
  throw new FetchPageError(`The page redirected more than ${MAX_REDIRECTS} times; FactDesk stopped following it.`);
}

function resolveLocation(response: PageResponse, base: URL): string {
  const location = response.headers.get("location");
  try {
    if (location) return new URL(location, base).href;
  } catch {
    // Falls through to the error below.
  }
  throw new FetchPageError(`The server answered ${response.status} (a redirect) without a usable address to go to.`, response.status, base.href);
}

async function readPage(url: URL, response: PageResponse, maxBytes: number, signal: AbortSignal): Promise<FetchedPage> {
  const { status } = response;
  if (status < 200 || status > 299) {
    await discardBody(response);
    const reason = http.STATUS_CODES[status];
    throw new FetchPageError(`The server answered ${status}${reason ? ` (${reason})` : ""}; nothing was captured.`, status, url.href);
  }
  const header = response.headers.get("content-type");
  const { mime, charset } = parseContentType(header);
  if (mime && !HTML_TYPES.has(mime) && mime !== "text/plain") {
    await discardBody(response);
    throw new FetchPageError(describeRefusedType(mime), status, url.href);
  }
  const bytes = await readLimitedBody(response, maxBytes, signal);
  const isHtml = mime ? HTML_TYPES.has(mime) : sniffKind(bytes, status, url) === "html";
  const decoded = decodeText(bytes, charset, isHtml);
  const text = isHtml ? extractArticleFromHtml(decoded, url.href).text : decoded;
  return { finalUrl: url.href, httpStatus: status, contentType: header ?? (isHtml ? "text/html" : "text/plain"), text };
}

function parseContentType(header: string | null): { mime: string; charset: string | null } {
  const [mime = "", ...parameters] = (header ?? "").split(";");
  const charset = parameters.map((part) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(part)?.[1]).find(Boolean) ?? null;
  return { mime: mime.trim().toLowerCase(), charset };
}

function describeRefusedType(mime: string): string {
  const what = mime === "application/pdf" ? "a PDF document" : `a file of type ${mime}`;
  return `This link leads to ${what}, not a web page. FactDesk captures web pages and plain text only; check this source by hand.`;
}

/** No Content-Type: a NUL byte means binary; markup at the start means HTML. */
function sniffKind(bytes: Uint8Array, status: number, url: URL): "html" | "text" {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes(0)) {
    throw new FetchPageError("This link does not say what it is and does not look like text; FactDesk captures web pages and plain text only.", status, url.href);
  }
  return /^\s*(<!doctype html|<html|<head|<body|<!--)/i.test(head.toString("latin1")) ? "html" : "text";
}

async function readLimitedBody(response: PageResponse, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await discardBody(response);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // A stream cut short by the timeout may simply end; a partial page must not pass as whole.
  signal.throwIfAborted();
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): FetchPageError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new FetchPageError(`The page is larger than ${size}, the most FactDesk captures; nothing was stored.`);
}

/** Byte-order mark, then the header's charset, then an HTML meta tag, then UTF-8. */
function decodeText(bytes: Uint8Array, declared: string | null, isHtml: boolean): string {
  const label = sniffBom(bytes) ?? declared ?? (isHtml ? sniffMetaCharset(bytes) : null) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string) : text;
}

// Node 20.18.3+ decodes windows-1252 (and so "iso-8859-1") as Latin-1, leaving its smart
// quotes and dashes as control codes (nodejs/node#60888); these are its bytes 0x80-0x9F.
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
  // A page that reached us as bytes cannot really be UTF-16 if its ASCII meta tag was readable.
  return label && /^utf-16/i.test(label) ? "utf-8" : label;
}

async function discardBody(response: PageResponse): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: "The site refused the connection.",
  ECONNRESET: "The site closed the connection before the page arrived.",
  ENOTFOUND: "The site's name could not be found.",
  EAI_AGAIN: "The site's name could not be looked up just now.",
  EHOSTUNREACH: "The site could not be reached from this server.",
  ENETUNREACH: "The site could not be reached from this server.",
  ETIMEDOUT: "The site did not answer in time.",
};

function toFetchPageError(error: unknown, signal: AbortSignal, timeoutMs: number): FetchPageError {
  if (error instanceof FetchPageError) return error;
  if (signal.aborted) {
    const isTimeout = (signal.reason as Error | undefined)?.name === "TimeoutError";
    return new FetchPageError(isTimeout ? `The page did not finish loading within ${timeoutMs / 1000} s.` : "The capture was cancelled.");
  }
  const code = readErrorCode(error);
  if (code && NETWORK_PROBLEMS[code]) return new FetchPageError(NETWORK_PROBLEMS[code]);
  if (code && /CERT|TLS|SSL/.test(code)) return new FetchPageError(`The site's security certificate could not be verified (${code}).`);
  return new FetchPageError(`The page could not be fetched (${code ?? (error instanceof Error ? error.message : "unknown error")}).`);
}

function readErrorCode(error: unknown): string | null {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === "string") return code;
  return typeof cause?.code === "string" ? cause.code : null;
}

/**
 * The default transport: node:http(s) with the DNS lookup replaced by the vetted
 * address. The host name still goes into Host and TLS SNI, so certificates are
 * checked against the name; no pooled socket is reused (`agent: false`).
 */
export const requestPinned: PageTransport = ({ url, address, headers, signal }) =>
  new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const lookup = pinLookup(address, isIPv6(address) ? 6 : 4);
    const request = client.request(url, { headers, signal, lookup, agent: false }, (response) => {
      const { stream, isDecoded } = decompress(response);
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined || (isDecoded && name === "content-length")) continue;
        for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
      }
      const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
      resolve({ status: response.statusCode ?? 0, headers: responseHeaders, body });
    });
    request.on("error", reject);
    request.end();
  });

function pinLookup(address: string, family: number): LookupFunction {
  // Node asks with { all: true } when it may try several addresses (autoSelectFamily).
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/** The size limit then counts decompressed bytes, so a small gzip bomb is stopped too. */
function decompress(response: http.IncomingMessage): { stream: Readable; isDecoded: boolean } {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip" ? zlib.createGunzip()
    : encoding === "deflate" ? zlib.createInflate()
    : encoding === "br" ? zlib.createBrotliDecompress()
    : null;
  if (!decoder) return { stream: response, isDecoded: false };
  response.on("error", (error) => decoder.destroy(error));
  // Cancelling the body (size limit, redirect) destroys the decoder; the socket must go with it.
  decoder.on("close", () => response.destroy());
  return { stream: response.pipe(decoder), isDecoded: true };
}
