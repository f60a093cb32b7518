import { decodeHTML } from "entities";
import { truncate } from "@/lib/text/truncate";
import { findJsonLdArticle } from "./json-ld";

/** Article metadata read from meta tags, JSON-LD and plain HTML fallbacks. */
export type PageMetadata = {
  title: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  excerpt: string | null;
};

type MetaTags = Map<string, string>;

/** Read title, author, outlet, canonical URL, date and description from a page. */
export function readPageMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const meta = readMetaTags(doc);
  const ld = findJsonLdArticle(doc);
  const pick = (...keys: string[]): string | null => pickMeta(meta, keys);
  const outlet = cleanValue(pick("og:site_name") ?? ld?.publisher ?? pick("application-name"));
  const title =
    cleanValue(ld?.headline ?? pick("og:title", "twitter:title", "title")) ??
    trimSiteSuffix(cleanValue(doc.querySelector("title")?.textContent), outlet) ??
    cleanValue(doc.querySelector("h1")?.textContent);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute("href");
  return {
    title,
    author: readAuthor(meta, ld?.author),
    outlet: outlet ?? readHostname(pageUrl),
    url: pickAbsoluteUrl([canonical, pick("og:url"), ld?.url, pageUrl], pageUrl),
    publishedAt: readPublishedAt(doc, meta, ld?.datePublished),
    excerpt: cleanValue(
      pick("og:description", "description", "twitter:description") ?? ld?.description,
    ),
  };
}

function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const element of Array.from(doc.querySelectorAll("meta"))) {
    const content = element.getAttribute("content");
    if (!content?.trim()) continue;
    for (const attribute of ["property", "name", "itemprop"]) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      // The first tag wins: later duplicates tend to be widget leftovers.
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function pickMeta(meta: MetaTags, keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value?.trim()) return value;
  }
  return null;
}

function readAuthor(meta: MetaTags, ldAuthor: string | null | undefined): string | null {
  const candidates = [
    ldAuthor,
    ...["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"].map(
      (key) => meta.get(key),
    ),
  ];
  for (const candidate of candidates) {
    // article:author is often a profile URL rather than a name.
    if (!candidate || /^https?:\/\//i.test(candidate.trim())) continue;
    const name = cleanValue(candidate.replace(/^\s*by\s+/i, ""));
    if (name) return name;
  }
  return null;
}

const DATE_KEYS = [
  "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
  "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
  "parsely-pub-date",
];

function readPublishedAt(doc: Document, meta: MetaTags, ldDate: string | null | undefined): string | null {
  const timeElement = doc.querySelector("time[pubdate], article time[datetime]");
  const candidates = [
    ldDate,
    ...DATE_KEYS.map((key) => meta.get(key)),
    timeElement?.getAttribute("datetime"),
  ];
  for (const candidate of candidates) {
    const iso = candidate ? convertToIsoDate(candidate) : null;
    if (iso) return iso;
  }
  return null;
}

/** Parse a page date to an ISO string; a date-time without zone is read as UTC. */
export function convertToIsoDate(value: string): string | null {
  const trimmed = value.trim();
  // Without this the result would depend on the server's time zone.
  const zoned = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)
    ? `${trimmed.replace(" ", "T")}Z`
    : trimmed;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1900 && year <= 2200 ? new Date(time).toISOString() : null;
}

function pickAbsoluteUrl(candidates: Array<string | null | undefined>, base?: string): string | null {
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      const url = base ? new URL(candidate.trim(), base) : new URL(candidate.trim());
      if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    } catch {
      // A relative URL without a base, or garbage: try the next candidate.
    }
  }
  return null;
}

function readHostname(pageUrl?: string): string | null {
  if (!pageUrl) return null;
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function trimSiteSuffix(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  const suffix = new RegExp(`\\s+[|\\-–—:·]\\s+${escapeRegExp(outlet)}$`, "i");
  return title.replace(suffix, "") || title;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// A title, name or description longer than this is not metadata; cutting it keeps the cleaning
// regexes fast and the site-name regex of trimSiteSuffix small (a megabyte-long og:site_name
// made "Regular expression too large" fail the whole import).
const MAX_VALUE_CHARS = 2_000;

/** Collapse whitespace, decode double-encoded entities and drop stray tags. */
function cleanValue(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = truncate(raw, MAX_VALUE_CHARS);
  const decoded = /&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(value) ? decodeHTML(value) : value;
  const text = decoded
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
  return text || null;
}
