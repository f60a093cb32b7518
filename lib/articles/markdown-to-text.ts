import { decodeHTML } from "entities";
import { lexer } from "marked";
import type { Token } from "marked";
import { buildBody, createScratchDocument, parseHtml } from "./html-document";
import { convertNodeToText } from "./html-to-text";
import { normaliseText } from "./normalise";

/** Plain text read from Markdown, with the leading `# Title` lifted out. */
export type MarkdownText = { title: string | null; text: string };

type TokenLike = { type: string; text?: string; tokens?: Token[] };

/**
 * Strip Markdown syntax to plain-text paragraphs, keeping every word.
 * Uses marked's lexer rather than regexes so emphasis, links, escapes and
 * code are told apart the way a Markdown renderer would.
 */
export function convertMarkdownToText(markdown: string): MarkdownText {
  const { body, title: frontMatterTitle } = splitFrontMatter(markdown.replace(/\r\n?/g, "\n"));
  // Footnote definitions are kept as text; only their "[^1]:" marker goes.
  const source = body.replace(/^\[\^[^\]\n]+\]:[ \t]*/gm, "");
  const tokens = lexer(source, { gfm: true }) as TokenLike[];
  const firstIndex = tokens.findIndex((token) => token.type !== "space");
  const first = tokens[firstIndex] as (TokenLike & { depth?: number }) | undefined;
  let title = frontMatterTitle;
  if (first?.type === "heading" && first.depth === 1) {
    title = readInline(first.tokens ?? []) || title;
    tokens.splice(firstIndex, 1);
  }
  const paragraphs: string[] = [];
  collectBlocks(tokens, paragraphs, createHtmlReader());
  return { title: title ? normaliseText(title) : null, text: normaliseText(paragraphs.join("\n\n")) };
}

function splitFrontMatter(markdown: string): { body: string; title: string | null } {
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(markdown);
  if (!match) return { body: markdown, title: null };
  const titleLine = /^title:\s*(.+)$/m.exec(match[1] ?? "");
  const title = titleLine?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2") ?? null;
  return { body: markdown.slice(match[0].length), title: title || null };
}

type HtmlReader = (html: string) => string;

/** Text of HTML blocks, all built into one scratch document (a document per block cost 0.5 ms). */
function createHtmlReader(): HtmlReader {
  let scratch: Document | undefined;
  return (html) => {
    scratch ??= createScratchDocument();
    return convertNodeToText(buildBody(parseHtml(html), scratch));
  };
}

function collectBlocks(tokens: TokenLike[], out: string[], readHtml: HtmlReader): void {
  for (const token of tokens) {
    const block = token as TokenLike & { items?: TokenLike[]; header?: TokenLike[]; rows?: TokenLike[][] };
    switch (token.type) {
      case "space":
      case "hr":
      case "def":
      case "checkbox":
        break;
      case "heading":
      case "paragraph":
        pushText(out, readInline(token.tokens ?? []));
        break;
      case "text":
        pushText(out, token.tokens ? readInline(token.tokens) : decodeText(token.text ?? ""));
        break;
      case "code":
        pushText(out, token.text ?? "");
        break;
      case "list":
        for (const item of block.items ?? []) collectBlocks((item.tokens ?? []) as TokenLike[], out, readHtml);
        break;
      case "table":
        pushText(out, readRow(block.header ?? []));
        for (const row of block.rows ?? []) pushText(out, readRow(row));
        break;
      case "html":
        pushText(out, readHtml(token.text ?? ""));
        break;
      default:
        if (token.tokens) collectBlocks(token.tokens as TokenLike[], out, readHtml);
        else pushText(out, token.text ?? "");
    }
  }
}

function readRow(cells: TokenLike[]): string {
  return cells.map((cell) => readInline(cell.tokens ?? [])).filter(Boolean).join(" ");
}

function readInline(tokens: Token[]): string {
  let text = "";
  for (const token of tokens as TokenLike[]) {
    switch (token.type) {
      case "image":
      case "html":
      case "checkbox":
        // Alt text and inline tags are not part of the article's words.
        break;
      case "br":
        text += "\n";
        break;
      case "escape":
      case "codespan":
        text += token.text ?? "";
        break;
      case "text":
        text += token.tokens ? readInline(token.tokens) : decodeText(token.text ?? "");
        break;
      default:
        text += token.tokens ? readInline(token.tokens) : decodeText(token.text ?? "");
    }
  }
  return text.replace(/\[\^[^\]\s]+\]/g, "").replace(/[ \t]+/g, " ").trim();
}

// Soft line breaks inside a Markdown paragraph render as spaces.
function decodeText(text: string): string {
  return decodeHTML(text).replace(/\n/g, " ");
}

function pushText(out: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed) out.push(trimmed);
}
