import { Readability } from "@mozilla/readability";
import { buildDocument, parseHtml, type ParsedHtml } from "./html-document";
import { summariseText } from "./excerpt";
import { convertNodeToText } from "./html-to-text";
import { readPageMetadata } from "./metadata";
import { removePageFurniture } from "./page-furniture";

/** An article read from an HTML page. `text` is plain text, paragraphs split by "\n\n". */
export type ExtractedArticle = {
  title: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  excerpt: string | null;
};

// Below this Readability has probably picked a fragment or echoed the page.
const MIN_READABLE_CHARS = 200;
// Readability slows down sharply with nesting depth (a minute at 2,000 levels) and with the
// number of elements (its passes rescan the page); real article pages stay far below both.
// Its own element limit (maxElemsToParse) never fires under linkedom, whose
// getElementsByTagName("*") matches nothing, so the count is ours, taken while parsing.
const MAX_READABILITY_DEPTH = 150;
const MAX_READABILITY_ELEMENTS = 30_000;

/**
 * Extract the article text and metadata from an HTML page. Never throws on
 * bad markup: when Readability cannot find an article the page's body text
 * (minus navigation chrome) is used instead.
 */
export function extractArticleFromHtml(html: string, url?: string): ExtractedArticle {
  const parsed = parseHtml(html);
  const doc = buildDocument(parsed);
  const metadata = readPageMetadata(doc, url);
  const furniture = { hasAuthor: metadata.author !== null };
  // Furniture is looked for on pages of a real article's size only, as Readability is: its
  // checks read each candidate box's text, which nesting thousands deep would make quadratic.
  if (isReadable(parsed)) removePageFurniture(doc, furniture);
  const readable = isReadable(parsed) ? readWithReadability(parsed, furniture) : null;
  const fallback = readBodyText(doc);
  const text = dropLeadingTitle(chooseText(readable?.text ?? "", fallback), metadata.title);
  return {
    title: metadata.title ?? readable?.title ?? null,
    author: metadata.author ?? readable?.byline ?? null,
    outlet: metadata.outlet ?? readable?.siteName ?? null,
    url: metadata.url,
    publishedAt: metadata.publishedAt,
    text,
    excerpt: metadata.excerpt ?? summariseText(text),
  };
}

type ReadableResult = { text: string; title: string | null; byline: string | null; siteName: string | null };

function isReadable(parsed: ParsedHtml): boolean {
  return parsed.depth <= MAX_READABILITY_DEPTH && parsed.elementCount <= MAX_READABILITY_ELEMENTS;
}

function readWithReadability(parsed: ParsedHtml, furniture: { hasAuthor: boolean }): ReadableResult | null {
  try {
    // Readability mutates the document, so it gets its own copy.
    const copy = buildDocument(parsed);
    removePageFurniture(copy, furniture);
    const article = new Readability<Node>(copy, { serializer: (node) => node }).parse();
    if (!article?.content) return null;
    const text = convertNodeToText(article.content);
    if (!text) return null;
    return {
      text,
      title: article.title?.trim() || null,
      byline: article.byline?.replace(/^\s*by\s+/i, "").trim() || null,
      siteName: article.siteName?.trim() || null,
    };
  } catch {
    // Readability throws on some malformed trees; the body text is the fallback.
    return null;
  }
}

function chooseText(readable: string, fallback: string): string {
  if (!readable) return fallback;
  if (readable.length >= MIN_READABLE_CHARS || !fallback) return readable;
  // A short result about as long as the chrome-free body means Readability
  // found no article and returned the whole page, navigation included.
  return fallback.length <= readable.length * 3 ? fallback : readable;
}

function readBodyText(doc: Document): string {
  const body = doc.body ?? doc.documentElement;
  if (!body) return "";
  return convertNodeToText(body, { isSkippingPageChrome: true }) || convertNodeToText(body);
}

function dropLeadingTitle(text: string, title: string | null): string {
  if (!title) return text;
  const [first, ...rest] = text.split("\n\n");
  return first?.trim() === title && rest.length > 0 ? rest.join("\n\n") : text;
}
