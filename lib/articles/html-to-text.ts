import { normaliseText } from "./normalise";

export type HtmlToTextOptions = {
  /** Also drop nav/header/footer/aside/form: used when Readability failed. */
  isSkippingPageChrome?: boolean;
};

// Elements whose content is never article text (code, media, widgets).
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed",
  "svg", "math", "canvas", "img", "picture", "video", "audio", "source",
  "track", "map", "area", "head", "title", "meta", "link", "base", "button",
  "input", "select", "option", "textarea", "dialog",
]);
const PAGE_CHROME = new Set(["nav", "header", "footer", "aside", "form", "menu"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center",
  "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "tfoot", "thead", "tr", "ul",
]);
const CELLS = new Set(["td", "th"]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

type Frame = { node: Node; isExit: boolean };

/**
 * Convert a DOM subtree to plain text: one paragraph per block element
 * (headings and list items included), separated by a blank line.
 * Text only ever comes from text nodes, so no markup can leak through.
 */
export function convertNodeToText(root: Node, options: HtmlToTextOptions = {}): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const paragraph = tidyParagraph(current);
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  let preDepth = 0;
  // Iterative walk: hostile pages nest deeply enough to overflow recursion.
  const stack: Frame[] = [{ node: root, isExit: false }];
  while (stack.length > 0) {
    const { node, isExit } = stack.pop() as Frame;
    const name = node.nodeName.toLowerCase();
    if (isExit) {
      if (name === "pre") preDepth -= 1;
      if (BLOCKS.has(name)) flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      const value = node.nodeValue ?? "";
      current += preDepth > 0 ? value : value.replace(/\s+/g, " ");
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      if (isSkipped(node as Element, name, options)) continue;
      if (name === "br") {
        current += "\n";
        continue;
      }
      if (BLOCKS.has(name)) flush();
      if (CELLS.has(name) && current.trim()) current += " ";
      if (name === "pre") preDepth += 1;
      stack.push({ node, isExit: true });
    }
    pushChildren(stack, node);
  }
  flush();
  return normaliseText(paragraphs.join("\n\n"));
}

function pushChildren(stack: Frame[], node: Node): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i -= 1) {
    const child = children[i];
    if (child) stack.push({ node: child, isExit: false });
  }
}

function isSkipped(element: Element, name: string, options: HtmlToTextOptions): boolean {
  if (SKIPPED.has(name)) return true;
  if (options.isSkippingPageChrome && PAGE_CHROME.has(name)) return true;
  if (element.hasAttribute("hidden")) return true;
  if (element.getAttribute("aria-hidden") === "true") return true;
  const style = (element.getAttribute("style") ?? "").replace(/\s+/g, "").toLowerCase();
  return style.includes("display:none") || style.includes("visibility:hidden");
}

function tidyParagraph(raw: string): string {
  return raw
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
