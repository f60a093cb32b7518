import { parseHTML } from "linkedom";
import { parse, serialize } from "parse5";

/**
 * Parse any HTML, however broken, into a DOM Document.
 * linkedom's own parser mis-builds fragments and implied elements (a page
 * without <html> yields a null documentElement), so parse5 first rebuilds
 * the tree the way a browser would and linkedom only sees well-formed markup.
 */
export function parseHtmlDocument(html: string): Document {
  const normalised = serialize(parse(html));
  const { document } = parseHTML(normalised);
  return document as unknown as Document;
}
