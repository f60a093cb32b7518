import { classifyLine } from "./debris-rules";

/** Words in class, id and data-* names that mark a box as page furniture, not article text. */
const FURNITURE_WORDS = new Set([
  "newsletter", "newsletters", "signup", "related", "recommended", "recirculation", "share", "sharing",
  "social", "tags", "promo", "outbrain", "taboola",
]);
const NAMING_ATTRIBUTES = ["class", "id", "data-component", "data-testid", "data-gu-name", "data-link-name"];
const MEDIA = "img, picture, video, iframe, svg";
const TEXT_FIGURE = "table, blockquote, pre";
// A box holding more than this is not a widget beside the article, whatever its name says.
const MAX_FURNITURE_CHARS = 2_000;
const NEVER_REMOVED = new Set(["html", "body", "main", "article"]);

/**
 * Takes out what news pages put inside the article that is not its text: photos with their
 * captions and credits, boxes of related stories ("Related", "More on this story"), newsletter
 * and share boxes, and (when the page's metadata names the author) the byline box. Line-level
 * leftovers are flagged later by the debris rules for the editor to review.
 */
export function removePageFurniture(doc: Document, options: { hasAuthor: boolean }): void {
  for (const figure of Array.from(doc.querySelectorAll("figure"))) {
    if (figure.querySelector(MEDIA) && !figure.querySelector(TEXT_FIGURE)) figure.remove();
  }
  const selector = NAMING_ATTRIBUTES.map((name) => `[${name}]`).join(", ");
  for (const element of Array.from(doc.querySelectorAll(selector))) {
    if (element.isConnected && isNamedFurniture(element, options.hasAuthor) && isSmallBox(element)) element.remove();
  }
  for (const heading of Array.from(doc.querySelectorAll("h2, h3, h4"))) {
    if (heading.isConnected && isRelatedHeading(heading.textContent ?? "")) removeHeadedBox(heading);
  }
}

function isNamedFurniture(element: Element, hasAuthor: boolean): boolean {
  return NAMING_ATTRIBUTES.some((name) => {
    const words = splitWords(element.getAttribute(name) ?? "");
    return words.some((word) => FURNITURE_WORDS.has(word) || (hasAuthor && word === "byline"));
  });
}

/** "RelatedLinks", "related-links", "related_links" -> ["related", "links"]. */
function splitWords(value: string): string[] {
  return value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

function isSmallBox(element: Element): boolean {
  if (NEVER_REMOVED.has(element.nodeName.toLowerCase()) || element.querySelector("h1")) return false;
  return (element.textContent ?? "").length <= MAX_FURNITURE_CHARS;
}

function isRelatedHeading(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return /^more on this (story|topic)$/i.test(trimmed) || classifyLine(trimmed) === "recommended";
}

/** The heading's box when it is one; otherwise the heading and the list under it. */
function removeHeadedBox(heading: Element): void {
  const box = heading.parentElement;
  if (box && isSmallBox(box) && box.firstElementChild === heading) {
    box.remove();
    return;
  }
  const next = heading.nextElementSibling;
  if (next && /^(ul|ol)$/i.test(next.nodeName)) next.remove();
  heading.remove();
}
