import { findParagraphIndex, type Paragraph } from "@/lib/articles/paragraphs";
import type { TextRange } from "./types";

/*
 * Every run of article text is rendered as one element carrying `data-start` and `data-end`
 * (its offsets in the version's text) around exactly one text node; claim markers carry no
 * offsets. A DOM point then maps to a text offset without measuring anything.
 */

const SEGMENT = "data-start";

function isSegment(node: Node | null): node is HTMLElement {
  return node instanceof HTMLElement && node.hasAttribute(SEGMENT);
}

function segmentBounds(element: HTMLElement): TextRange {
  return { start: Number(element.dataset.start), end: Number(element.dataset.end) };
}

/** The first segment at or after `node` in document order, inside `root`. */
function firstSegmentFrom(root: HTMLElement, node: Node | null): HTMLElement | null {
  if (!node) return null;
  if (isSegment(node)) return node;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (candidate) => (isSegment(candidate) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  walker.currentNode = node;
  return walker.nextNode() as HTMLElement | null;
}

/** The node right after `node`'s subtree (inside root), or null at the end. */
function nodeAfter(root: HTMLElement, node: Node): Node | null {
  let current: Node | null = node;
  while (current && current !== root && !current.nextSibling) current = current.parentNode;
  return current && current !== root ? current.nextSibling : null;
}

function lastSegmentEnd(root: HTMLElement): number {
  const segments = root.querySelectorAll<HTMLElement>(`[${SEGMENT}]`);
  const last = segments[segments.length - 1];
  return last ? segmentBounds(last).end : 0;
}

/** The text offset of a DOM boundary point inside `root`. */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number {
  const parent = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
  if (parent && isSegment(parent)) {
    const bounds = segmentBounds(parent);
    return Math.min(bounds.start + offset, bounds.end);
  }
  if (isSegment(node)) {
    const bounds = segmentBounds(node);
    return offset === 0 ? bounds.start : bounds.end;
  }
  // A point between elements or inside a marker: it sits just before the next run of text.
  const following =
    node.nodeType !== Node.TEXT_NODE && offset < node.childNodes.length ? node.childNodes[offset]! : nodeAfter(root, node);
  const next = firstSegmentFrom(root, following);
  return next ? segmentBounds(next).start : lastSegmentEnd(root);
}

/**
 * The selection's range in text offsets, clipped to `root`; null when it is collapsed or lies
 * wholly outside the article (a selection in the side panel is not a passage).
 */
export function readSelection(root: HTMLElement): TextRange | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const bounds = document.createRange();
  bounds.selectNodeContents(root);
  const [startNode, startOffset] =
    range.compareBoundaryPoints(Range.START_TO_START, bounds) < 0 ? [root, 0] : [range.startContainer, range.startOffset];
  const [endNode, endOffset] =
    range.compareBoundaryPoints(Range.END_TO_END, bounds) > 0 ? [root, root.childNodes.length] : [range.endContainer, range.endOffset];
  const start = offsetOfPoint(root, startNode, startOffset);
  const end = offsetOfPoint(root, endNode, endOffset);
  return end > start ? { start, end } : null;
}

/** The DOM point of a text offset; `isEnd` keeps an end at a paragraph's end in that paragraph. */
function pointAt(root: HTMLElement, paragraphs: Paragraph[], offset: number, isEnd: boolean): [Node, number] | null {
  let index = findParagraphIndex(paragraphs, isEnd && offset > 0 ? offset - 1 : offset);
  if (index < 0) index = paragraphs.length - 1;
  const paragraph = paragraphs[index];
  const element = root.querySelector(`[data-paragraph="${index}"]`);
  if (!paragraph || !element) return null;
  const at = Math.max(paragraph.start, Math.min(offset, paragraph.end));
  const segments = element.querySelectorAll<HTMLElement>(`[${SEGMENT}]`);
  for (const segment of segments) {
    const bounds = segmentBounds(segment);
    if (at < bounds.end || (at === bounds.end && (isEnd || segment === segments[segments.length - 1]))) {
      const text = segment.firstChild ?? segment;
      return [text, text === segment ? 0 : at - bounds.start];
    }
  }
  return null;
}

/** A DOM Range over text offsets, for the selection and for highlights. */
export function createTextRange(root: HTMLElement, paragraphs: Paragraph[], range: TextRange): Range | null {
  const start = pointAt(root, paragraphs, range.start, false);
  const end = pointAt(root, paragraphs, range.end, true);
  if (!start || !end) return null;
  const domRange = document.createRange();
  domRange.setStart(start[0], start[1]);
  domRange.setEnd(end[0], end[1]);
  return domRange;
}

/** Makes `range` the document's selection (what keyboard navigation shows and reads back). */
export function selectTextRange(root: HTMLElement, paragraphs: Paragraph[], range: TextRange): Range | null {
  const domRange = createTextRange(root, paragraphs, range);
  const selection = document.getSelection();
  if (!domRange || !selection) return null;
  selection.removeAllRanges();
  selection.addRange(domRange);
  return domRange;
}
