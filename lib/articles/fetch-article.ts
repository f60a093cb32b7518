import { createHash } from "node:crypto";
import { getParsePool, type ParseRunner } from "@/lib/parsing/parse-pool";
import { readFetchOptions } from "@/lib/sources/capture";
import { downloadPageAt, FetchPageError, NotAPageError, UnreachableError, type FetchPageOptions } from "@/lib/sources/fetch-page";
import { hashContent } from "./content-hash";
import type { ImportPreview } from "./preview";
import { readImport } from "./read-import";

/** What an import by address keeps of the fetch (an ArticleCapture row once it is recorded). */
export type PageCapture = {
  url: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  /** SHA-256 (hex) of the page's bytes as served. */
  pageSha256: string;
  /** hashContent of the text read from the page, before any debris line is removed. */
  textHash: string;
  fetchedAt: Date;
};

export type FetchArticleResult = { ok: true; value: ImportPreview; capture: PageCapture } | { ok: false; message: string };
export type FetchArticleDeps = { fetchOptions?: FetchPageOptions; parser?: ParseRunner; now?: () => Date };

/**
 * Fetches an article page by its address, with the captures' guards and limits (private
 * addresses, ports, redirects, size, time: lib/sources/fetch-page.ts), and reads it on a parsing
 * worker as an uploaded page would be. Nothing is stored; refusals are worded for the editor.
 */
export async function fetchArticle(url: string, deps: FetchArticleDeps = {}): Promise<FetchArticleResult> {
  const parser = deps.parser ?? getParsePool();
  let page;
  try {
    page = await downloadPageAt(url, deps.fetchOptions ?? readFetchOptions());
  } catch (error) {
    if (error instanceof FetchPageError) return { ok: false, message: describeFetchFailure(error) };
    throw error;
  }
  const fetchedAt = deps.now?.() ?? new Date();
  const { bytes, charset, isHtml } = page.body;
  const preview = await readImport({ kind: "page", url: page.url.href, bytes, charset, isHtml }, parser);
  if (!preview.ok) return preview;
  const capture: PageCapture = {
    url: url.trim(),
    finalUrl: page.url.href,
    httpStatus: page.status,
    contentType: page.contentType ?? (isHtml ? "text/html" : "text/plain"),
    pageSha256: createHash("sha256").update(bytes).digest("hex"),
    textHash: hashContent(preview.value.text),
    fetchedAt,
  };
  return { ok: true, value: preview.value, capture };
}

const UNREACHABLE = "The page could not be reached: the site did not answer as a web server, or not in time. Check the address, or try again later.";

/** The fetch's own messages speak of captures; two of them say something else to an importer. */
export function describeFetchFailure(error: FetchPageError): string {
  if (error instanceof UnreachableError) return UNREACHABLE;
  if (error instanceof NotAPageError) {
    return `This address leads to ${error.what}, not a web page. Import web pages here; for anything else, copy the article's text and paste it.`;
  }
  return error.message;
}
