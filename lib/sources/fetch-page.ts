import { STATUS_CODES } from "node:http";
import { getParsePool, runParseTask, type ParseRunner } from "@/lib/parsing/parse-pool";
import { checkFetchTarget, type ResolveHost } from "./capture-guard";
import { resolveHostWithDns } from "./dns-resolve";
import { requestPinned } from "./pinned-transport";

export { requestPinned };

/** One HTTP GET to `url`, connecting to `address` (already vetted by checkFetchTarget). */
export type PageRequest = { url: URL; address: string; headers: Record<string, string>; signal: AbortSignal };
/** The parts of a response fetchPage reads; a `fetch` Response fits (use `redirect: "manual"`). */
export type PageResponse = { status: number; headers: Headers; body: ReadableStream<Uint8Array> | null };
export type PageTransport = (request: PageRequest) => Promise<PageResponse>;

export type FetchPageOptions = {
  resolve?: ResolveHost;
  /** Private, loopback and link-local targets (tests, intranets); see CAPTURE_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
  /** For the download: every redirect hop and the body. Reading the page has the parsing budget. */
  timeoutMs?: number;
  maxBytes?: number;
  /** The ports a link may name (default 80 and 443); see CAPTURE_ALLOWED_PORTS. */
  allowedPorts?: readonly number[];
  /** Where the page is read (decoded, its article extracted): the app's parsing pool by default. */
  parser?: ParseRunner;
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

/**
 * Every failure to reach a site (refused, reset, timed out, unknown name, bad certificate, a port
 * that is not allowed) reads the same, so captures cannot be used to map which ports of a host
 * answer. The server log keeps the cause.
 */
export const UNREACHABLE_MESSAGE = "The page could not be reached: the site did not answer as a web server. Check the link, or capture it again later.";

/** A network-level failure: the editor sees UNREACHABLE_MESSAGE, the log sees `detail`. */
export class UnreachableError extends FetchPageError {
  constructor(readonly detail: string) {
    super(UNREACHABLE_MESSAGE);
  }
}

/** The server sent something other than a web page or plain text; `what` names it ("a PDF document"). */
export class NotAPageError extends FetchPageError {
  constructor(readonly what: string, message: string, httpStatus: number, finalUrl: string) {
    super(message, httpStatus, finalUrl);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];
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
  return readPage(await downloadPageAt(url, options), options.parser ?? getParsePool());
}

/**
 * The download half of fetchPage, for callers that read the page their own way (an article
 * imported by its address): the same checks and limits, the body as bytes, nothing read yet.
 */
export async function downloadPageAt(url: string, options: FetchPageOptions = {}): Promise<DownloadedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const { url: finalUrl, response } = await followRedirects(url, { ...options, signal });
    return await downloadPage(finalUrl, response, options.maxBytes ?? DEFAULT_MAX_BYTES, signal);
  } catch (error) {
    throw logUnreachable(url, toFetchPageError(error, signal, timeoutMs));
  }
}

type HopSettings = FetchPageOptions & { signal: AbortSignal };

async function followRedirects(url: string, settings: HopSettings): Promise<{ url: URL; response: PageResponse }> {
  const transport = settings.transport ?? requestPinned;
  let next = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    refuseDisallowedPort(next, settings.allowedPorts ?? DEFAULT_ALLOWED_PORTS);
    const lookup = recordLookup(settings.resolve ?? resolveHostWithDns);
    const target = await checkFetchTarget(next, { resolve: lookup.resolve, allowPrivate: settings.allowPrivate });
    if (!target.ok) {
      if (lookup.hasFailed()) throw new UnreachableError(`the name did not resolve: ${target.problem}`);
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

/** Only the ports of web servers: any other port is refused like a site that does not answer. */
function refuseDisallowedPort(link: string, allowedPorts: readonly number[]): void {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return; // checkFetchTarget explains an invalid link.
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return;
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  if (!allowedPorts.includes(port)) throw new UnreachableError(`port ${port} is not in CAPTURE_ALLOWED_PORTS`);
}

/** The resolver, noting whether the name failed to resolve (then the failure is a network one). */
function recordLookup(resolve: ResolveHost): { resolve: ResolveHost; hasFailed: () => boolean } {
  let hasFailed = false;
  return {
    resolve: async (hostname) => {
      try {
        const answers = await resolve(hostname);
        if (answers.length === 0) hasFailed = true;
        return answers;
      } catch (error) {
        hasFailed = true;
        throw error;
      }
    },
    hasFailed: () => hasFailed,
  };
}

/** A page as downloaded: where the redirects ended, the status, the declared type, the body's bytes. */
export type DownloadedPage = { url: URL; status: number; contentType: string | null; body: { bytes: Uint8Array; charset: string | null; isHtml: boolean } };

async function downloadPage(url: URL, response: PageResponse, maxBytes: number, signal: AbortSignal): Promise<DownloadedPage> {
  const { status } = response;
  if (status < 200 || status > 299) {
    await discardBody(response);
    const reason = STATUS_CODES[status];
    throw new FetchPageError(`The server answered ${status}${reason ? ` (${reason})` : ""}; nothing was captured.`, status, url.href);
  }
  const header = response.headers.get("content-type");
  const { mime, charset } = parseContentType(header);
  if (mime && !HTML_TYPES.has(mime) && mime !== "text/plain") {
    await discardBody(response);
    const what = describeType(mime);
    throw new NotAPageError(what, `This link leads to ${what}, not a web page. FactDesk captures web pages and plain text only; check this source by hand.`, status, url.href);
  }
  const bytes = await readLimitedBody(response, maxBytes, signal);
  const isHtml = mime ? HTML_TYPES.has(mime) : sniffKind(bytes, status, url) === "html";
  return { url, status, contentType: header, body: { bytes, charset, isHtml } };
}

/**
 * Decodes the page and extracts its article on a parsing worker, within the parsing budget
 * (PARSE_TIMEOUT_MS, PARSE_MEMORY_MB) rather than the download's: a page that is quick to send
 * can still be slow to read, and reading must never hold up the server.
 */
async function readPage(page: DownloadedPage, parser: ParseRunner): Promise<FetchedPage> {
  const { url, status, body } = page;
  const outcome = await runParseTask("readPage", { ...body, url: url.href }, parser);
  if (!outcome.ok) {
    if (outcome.failure === "failed") throw new Error(`Reading a captured page failed: ${outcome.detail}`);
    throw new FetchPageError(describeUnreadable(outcome.failure, parser), status, url.href);
  }
  const contentType = page.contentType ?? (body.isHtml ? "text/html" : "text/plain");
  return { finalUrl: url.href, httpStatus: status, contentType, text: outcome.value };
}

function describeUnreadable(failure: "timeout" | "memory" | "nesting" | "busy" | "closed", { budget }: ParseRunner): string {
  switch (failure) {
    case "timeout":
      return `The page is too complex to capture: reading it took longer than ${Number((budget.timeoutMs / 1000).toFixed(1))} s; nothing was stored.`;
    case "memory":
      return `The page is too large to capture: reading it needed more than ${budget.memoryMb} MB of memory; nothing was stored.`;
    case "nesting":
      return "The page is nested too deeply to capture; nothing was stored.";
    default:
      return "FactDesk is busy reading other pages just now; nothing was stored. Capture it again in a minute.";
  }
}

function parseContentType(header: string | null): { mime: string; charset: string | null } {
  const [mime = "", ...parameters] = (header ?? "").split(";");
  const charset = parameters.map((part) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(part)?.[1]).find(Boolean) ?? null;
  return { mime: mime.trim().toLowerCase(), charset };
}

function describeType(mime: string): string {
  return mime === "application/pdf" ? "a PDF document" : `a file of type ${mime}`;
}

/** No Content-Type: a NUL byte means binary; markup at the start means HTML. */
function sniffKind(bytes: Uint8Array, status: number, url: URL): "html" | "text" {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes(0)) {
    const message = "This link does not say what it is and does not look like text; FactDesk captures web pages and plain text only.";
    throw new NotAPageError("a file that does not say what it is and is not text", message, status, url.href);
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

async function discardBody(response: PageResponse): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function toFetchPageError(error: unknown, signal: AbortSignal, timeoutMs: number): FetchPageError {
  if (error instanceof FetchPageError) return error;
  if (signal.aborted) {
    const isTimeout = (signal.reason as Error | undefined)?.name === "TimeoutError";
    return isTimeout ? new UnreachableError(`no complete answer within ${timeoutMs} ms`) : new FetchPageError("The capture was cancelled.");
  }
  const code = readErrorCode(error);
  return new UnreachableError(code ?? (error instanceof Error ? error.message : "unknown error"));
}

/** The cause of a network failure goes to the server log (host and port only: paths may hold tokens). */
function logUnreachable(link: string, error: FetchPageError): FetchPageError {
  if (error instanceof UnreachableError) console.warn(`Capture of ${describeOrigin(link)} could not reach the site: ${error.detail}`);
  return error;
}

function describeOrigin(link: string): string {
  try {
    const url = new URL(link.trim());
    return `${url.protocol}//${url.host}`;
  } catch {
    return "an invalid link";
  }
}

function readErrorCode(error: unknown): string | null {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === "string") return code;
  return typeof cause?.code === "string" ? cause.code : null;
}
