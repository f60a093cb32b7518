/** A paragraph of article text with its offsets in the whole text (end exclusive). */
export type Paragraph = { index: number; start: number; end: number; text: string };

/** A claim's character range in the article text. */
export type ClaimRange<Id extends string | number = string> = { id: Id; start: number; end: number };

/** A run of a paragraph covered by the same set of claims (none = plain text). */
export type HighlightSegment<Id extends string | number = string> = {
  start: number;
  end: number;
  text: string;
  claimIds: Id[];
};

/** Split text on blank lines; offsets point at each paragraph's trimmed content. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let chunkStart = 0;
  const pushChunk = (chunkEnd: number): void => {
    const chunk = text.slice(chunkStart, chunkEnd);
    const start = chunkStart + (chunk.length - chunk.trimStart().length);
    const end = chunkStart + chunk.trimEnd().length;
    if (end > start) paragraphs.push({ index: paragraphs.length, start, end, text: text.slice(start, end) });
  };
  for (const match of text.matchAll(separator)) {
    pushChunk(match.index);
    chunkStart = match.index + match[0].length;
  }
  pushChunk(text.length);
  return paragraphs;
}

/** Index of the paragraph containing `offset` (or the next one after a gap); -1 past the end. */
export function findParagraphIndex(paragraphs: Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const paragraph = paragraphs[middle] as Paragraph;
    if (paragraph.end > offset) {
      found = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

/**
 * Cut a paragraph into consecutive segments for rendering highlights.
 * Claims may overlap, nest, or spill over the paragraph (they are clipped);
 * each segment lists the claims covering it, outermost first.
 */
export function highlightSegments<Id extends string | number>(
  paragraph: Pick<Paragraph, "start" | "end" | "text">,
  claims: ReadonlyArray<ClaimRange<Id>>,
): HighlightSegment<Id>[] {
  const clipped = claims
    .map((claim, order) => ({
      id: claim.id,
      order,
      start: Math.max(claim.start, paragraph.start),
      end: Math.min(claim.end, paragraph.end),
    }))
    .filter((claim) => claim.end > claim.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const boundaries = new Set([paragraph.start, paragraph.end]);
  for (const claim of clipped) {
    boundaries.add(claim.start);
    boundaries.add(claim.end);
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const segments: HighlightSegment<Id>[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const claimIds = clipped.filter((claim) => claim.start <= start && claim.end >= end).map((claim) => claim.id);
    const text = paragraph.text.slice(start - paragraph.start, end - paragraph.start);
    segments.push({ start, end, text, claimIds });
  }
  return segments;
}
