import { Readability } from "@mozilla/readability";
import { parseHtmlDocument } from "./html-document";
import { summariseText } from "./excerpt";
import { convertNodeToText } from "./html-to-text";
import { readPageMetadata } from "./metadata";

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
// Readability slows down sharply with nesting depth (a minute at 2,000 levels);
// real article pages stay far below this.
const MAX_READABILITY_DEPTH = 150;
// Readability's own guard against huge pages (it throws above this).
const MAX_READABILITY_ELEMENTS = 30_000;

/**
 * Extract the article text and metadata from an HTML page. Never throws on
 * bad markup: when Readability cannot find an article the page's body text
 * (minus navigation chrome) is used instead.
 */
export function extractArticleFromHtml(html: string, url?: string): ExtractedArticle {
  const doc = parseHtmlDocument(html);
  const metadata = readPageMetadata(doc, url);
  const readable = measureDepth(doc) <= MAX_READABILITY_DEPTH ? readWithReadability(html) : null;
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

function readWithReadability(html: string): ReadableResult | null {
  try {
    // Readability mutates the document, so it gets its own copy.
    const doc = parseHtmlDocument(html);
    const article = new Readability<Node>(doc, {
      serializer: (node) => node,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
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

function measureDepth(doc: Document): number {
  let deepest = 0;
  const stack: Array<{ element: Element; depth: number }> = [];
  if (doc.documentElement) stack.push({ element: doc.documentElement, depth: 1 });
  while (stack.length > 0) {
    const { element, depth } = stack.pop() as { element: Element; depth: number };
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push({ element: child, depth: depth + 1 });
  }
  return deepest;
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
