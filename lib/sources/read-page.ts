import { extractArticleFromHtml } from "@/lib/articles/extract-html";
import { decodeText } from "./decode-page";

/** A fetched page's body as it arrived, with what the response said about it. */
export type PageBody = { bytes: Uint8Array; charset: string | null; isHtml: boolean; url: string };

/** Readable plain text of a fetched page: an HTML page's article, a text file as served. */
export function readPageText({ bytes, charset, isHtml, url }: PageBody): string {
  const decoded = decodeText(bytes, charset, isHtml);
  return isHtml ? extractArticleFromHtml(decoded, url).text : decoded;
}
