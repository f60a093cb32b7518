import { decodeText } from "@/lib/sources/decode-page";
import { decodeUpload } from "./decode-upload";
import { summariseText } from "./excerpt";
import { extractArticleFromHtml, type ExtractedArticle } from "./extract-html";
import { convertMarkdownToText } from "./markdown-to-text";
import { normaliseText } from "./normalise";
import { readArticleLead } from "./lead-lines";
import { formatSize, refuse } from "./upload-errors";
import type { UploadError } from "./upload-errors";

export type { UploadError, UploadErrorCode } from "./upload-errors";

export { MAX_UPLOAD_BYTES, MAX_TEXT_BYTES } from "./limits";
import { MAX_UPLOAD_BYTES, MAX_TEXT_BYTES } from "./limits";

export type UploadFormat = "text" | "markdown" | "html";

export type UploadInput =
  | { kind: "file"; name: string; bytes: Uint8Array; mimeType?: string; url?: string }
  | { kind: "paste"; text: string; format?: UploadFormat; url?: string }
  /** A page fetched from its address (lib/articles/fetch-article.ts), as served. */
  | { kind: "page"; url: string; bytes: Uint8Array; charset: string | null; isHtml: boolean };

/** What any input turns into: the fields an HTML page yields, and the format it was read as. */
export type ImportedArticle = ExtractedArticle & { format: UploadFormat };

export type ParseUploadResult = { ok: true; value: ImportedArticle } | UploadError;

const EXTENSIONS: Record<string, UploadFormat> = {
  txt: "text", text: "text", md: "markdown", markdown: "markdown", mdown: "markdown",
  mkd: "markdown", html: "html", htm: "html", xhtml: "html", shtml: "html",
};
const MIME_TYPES: Record<string, UploadFormat> = {
  "text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown",
  "text/html": "html", "application/xhtml+xml": "html",
};
const SUPPORTED = ".txt, .md or .html";

/**
 * Decide how to read an uploaded file or pasted text and turn it into
 * plain article text. User mistakes come back as `{ ok: false, code, message }`.
 */
export function parseUpload(input: UploadInput): ParseUploadResult {
  if (input.kind === "page") {
    const text = decodeText(input.bytes, input.charset, input.isHtml);
    if (!text.trim()) return refuse("empty", "The page at this address is empty: the server sent no text.");
    return readContent(text, input.isHtml ? "html" : "text", input.url);
  }
  if (input.kind === "paste") {
    const size = measureUtf8(input.text);
    if (size > MAX_UPLOAD_BYTES) return refuseTooLarge("The pasted text", size);
    if (!input.text.trim()) return refuse("empty", "There is no text to import: the paste is empty.");
    return readContent(input.text, input.format ?? sniffFormat(input.text), input.url);
  }
  const format = detectFileFormat(input.name, input.mimeType);
  if (format === null) {
    return refuse("unsupported_type", `"${input.name}" is not a supported file type. Upload a ${SUPPORTED} file.`);
  }
  if (input.bytes.length === 0) return refuse("empty", `"${input.name}" is empty.`);
  if (input.bytes.length > MAX_UPLOAD_BYTES) return refuseTooLarge(`"${input.name}"`, input.bytes.length);
  const decoded = decodeUpload(input.bytes, format === "html");
  if (!decoded.ok) return decoded;
  if (!decoded.text.trim()) return refuse("empty", `"${input.name}" contains no text.`);
  return readContent(decoded.text, format ?? sniffFormat(decoded.text), input.url);
}

/** Format from the file extension, then the MIME type; undefined means "sniff it", null "refuse". */
export function detectFileFormat(name: string, mimeType?: string): UploadFormat | null | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension) return EXTENSIONS[extension] ?? null;
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (!mime || mime === "application/octet-stream") return undefined;
  return MIME_TYPES[mime] ?? null;
}

const HTML_START = /<(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|table|ul|ol)\b/iy;

/**
 * HTML when the text opens (after blanks and comments) with a page-level tag. Comments are
 * skipped with indexOf: one regex for "comments, then a tag" backtracked exponentially
 * ("<!---->" 32 times and an "x" took a minute).
 */
export function sniffFormat(text: string): UploadFormat {
  let at = skipBlanks(text, 0);
  while (text.startsWith("<!--", at)) {
    const end = text.indexOf("-->", at + 4);
    if (end === -1) return "text";
    at = skipBlanks(text, end + 3);
  }
  HTML_START.lastIndex = at;
  return HTML_START.test(text) ? "html" : "text";
}

function skipBlanks(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at] as string)) at += 1;
  return at;
}

function readContent(raw: string, format: UploadFormat, url?: string): ParseUploadResult {
  const article = convertContent(raw, format, url);
  if (!article.text) {
    return refuse("no_text", "No article text was found in this input. Check that it is the article itself.");
  }
  const size = measureUtf8(article.text);
  if (size > MAX_TEXT_BYTES) {
    return refuse(
      "text_too_large",
      `The article text is ${formatSize(size)}; the limit is ${formatSize(MAX_TEXT_BYTES)} of text. Import a single article.`,
    );
  }
  return { ok: true, value: article };
}

/** The article's text and metadata; a byline or date line above the text fills the metadata page tags left empty. */
function convertContent(raw: string, format: UploadFormat, url?: string): ImportedArticle {
  if (format === "html") {
    const article = extractArticleFromHtml(raw, url);
    const lead = readArticleLead(article.text);
    return {
      format, ...article, text: lead.text,
      author: article.author ?? lead.author, outlet: article.outlet ?? lead.outlet, publishedAt: article.publishedAt ?? lead.publishedAt,
    };
  }
  const { title, text: body } = format === "markdown" ? convertMarkdownToText(raw) : splitTitleLine(normaliseText(raw));
  const { text, author, outlet, publishedAt } = readArticleLead(body);
  return { format, title, text, author, outlet, publishedAt, url: url ?? null, excerpt: summariseText(text) };
}

/**
 * A plain-text file usually opens with its headline: a lone short line with
 * no closing punctuation, followed by a blank line and the body.
 */
export function splitTitleLine(text: string): { title: string | null; text: string } {
  const match = /^([^\n]+)\n\n(?=[\s\S]*\S)/.exec(text);
  const line = match?.[1]?.trim();
  const isHeadline =
    line !== undefined && line.length <= 200 && /\s/.test(line) && !/[.,;:]$/.test(line) && !/^[•·*\-–]\s/.test(line);
  if (!match || !isHeadline) return { title: null, text };
  return { title: line, text: text.slice(match[0].length) };
}

function refuseTooLarge(what: string, size: number): UploadError {
  return refuse("too_large", `${what} is ${formatSize(size)}; the limit is ${formatSize(MAX_UPLOAD_BYTES)}.`);
}

function measureUtf8(text: string): number {
  return new TextEncoder().encode(text).length;
}
