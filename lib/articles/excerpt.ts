import { truncate } from "@/lib/text/truncate";

const EXCERPT_CHARS = 300;
// Headings and kickers make poor excerpts; prefer a sentence-sized paragraph.
const MIN_EXCERPT_PARAGRAPH = 80;

/** A short excerpt: the first substantial paragraph, cut at a word boundary. */
export function summariseText(text: string): string | null {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const first = paragraphs.find((paragraph) => paragraph.length >= MIN_EXCERPT_PARAGRAPH) ?? paragraphs[0];
  if (!first) return null;
  const flat = first.replace(/\s+/g, " ");
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = truncate(flat, EXCERPT_CHARS);
  return `${truncate(cut, Math.max(cut.lastIndexOf(" "), EXCERPT_CHARS / 2)).trimEnd()}…`;
}
