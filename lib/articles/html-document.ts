import { parseHTML } from "linkedom";
import { html as htmlSpec, parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type TreeNode = DefaultTreeAdapterMap["node"];
type TreeElement = DefaultTreeAdapterMap["element"];
type TreeParent = DefaultTreeAdapterMap["parentNode"];

/** parse5's tree of a page, with its size: extraction decides from these what is safe to run. */
export type ParsedHtml = { tree: DefaultTreeAdapterMap["document"]; depth: number; elementCount: number };

/**
 * Parse any HTML, however broken, the way a browser would (parse5, in linear time).
 * Scripting is off so <noscript> content is read as markup, as linkedom always read it.
 */
export function parseHtml(html: string): ParsedHtml {
  const tree = parse(html, { scriptingEnabled: false });
  return { tree, ...measureTree(tree) };
}

/**
 * A DOM Document (linkedom) holding exactly parse5's tree. It is built node by node rather than
 * by serialising parse5's tree and parsing it again with linkedom's parser: that parser keeps its
 * open elements in an array it shifts at every tag, so a deeply nested page took quadratic time
 * (120,000 nested <b><i> took 77 s; built here, 6 s). Each call builds a fresh copy.
 */
export function buildDocument(parsed: ParsedHtml): Document {
  const doc = createScratchDocument();
  const html = parsed.tree.childNodes.find((node): node is TreeElement => node.nodeName === "html");
  if (html) {
    copyAttributes(html, doc.documentElement);
    appendTree(doc, html, doc.documentElement);
  }
  return doc;
}

/**
 * The page's <body>, built as a detached element of `doc`: for many small fragments (HTML blocks
 * in Markdown) one scratch document serves them all, since making a document costs far more.
 */
export function buildBody(parsed: ParsedHtml, doc: Document): Element {
  const body = doc.createElement("body");
  const html = parsed.tree.childNodes.find((node): node is TreeElement => node.nodeName === "html");
  const source = html?.childNodes.find((node): node is TreeElement => node.nodeName === "body");
  if (source) appendTree(doc, source, body);
  return body;
}

/** A document to build fragments into (buildBody). */
export function createScratchDocument(): Document {
  return parseHTML("<!doctype html><html></html>").document as unknown as Document;
}

/** Parse and build in one step: for callers that need the document only once. */
export function parseHtmlDocument(html: string): Document {
  return buildDocument(parseHtml(html));
}

/** Appends `from`'s children (deeply) to `to`; iterative, since hostile pages nest deeper than the stack. */
function appendTree(doc: Document, from: TreeParent, to: Node): void {
  const stack: Array<{ node: TreeNode; parent: Node }> = [];
  pushChildren(stack, from, to);
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: TreeNode; parent: Node };
    const created = createNode(doc, node);
    if (!created) continue;
    parent.appendChild(created);
    if ("tagName" in node) pushChildren(stack, node, created);
  }
}

function pushChildren(stack: Array<{ node: TreeNode; parent: Node }>, from: TreeParent, to: Node): void {
  // A <template>'s children live in its content fragment; linkedom keeps them as children.
  const children = "content" in from && from.content ? from.content.childNodes : from.childNodes;
  for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i] as TreeNode, parent: to });
}

function createNode(doc: Document, node: TreeNode): Node | null {
  if (node.nodeName === "#text") return doc.createTextNode((node as DefaultTreeAdapterMap["textNode"]).value);
  if (node.nodeName === "#comment") return doc.createComment((node as DefaultTreeAdapterMap["commentNode"]).data);
  if (!("tagName" in node)) return null;
  const element =
    node.namespaceURI === htmlSpec.NS.HTML ? doc.createElement(node.tagName) : doc.createElementNS(node.namespaceURI, node.tagName);
  copyAttributes(node, element);
  return element;
}

function copyAttributes(from: TreeElement, to: Element): void {
  for (const { name, value } of from.attrs) {
    try {
      to.setAttribute(name, value);
    } catch {
      // A name no DOM accepts (browsers drop these too); the page's text is unaffected.
    }
  }
}

/** Deepest element nesting and number of elements, walked without recursion. */
function measureTree(tree: TreeParent): { depth: number; elementCount: number } {
  let depth = 0;
  let elementCount = 0;
  const stack: Array<{ node: TreeParent; level: number }> = [{ node: tree, level: 0 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop() as { node: TreeParent; level: number };
    for (const child of "content" in node && node.content ? node.content.childNodes : node.childNodes) {
      if (!("tagName" in child)) continue;
      elementCount += 1;
      depth = Math.max(depth, level + 1);
      stack.push({ node: child, level: level + 1 });
    }
  }
  return { depth, elementCount };
}
