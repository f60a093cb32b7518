import { toCharBoundary } from "@/lib/text/truncate";
import { buildOffsetMap } from "./offset-map";
import { resolveWithHint } from "./resolve";

/** W3C Web Annotation TextQuoteSelector: the quoted passage and up to 32 characters either side. */
export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };

/** W3C Web Annotation TextPositionSelector: character offsets, end exclusive. */
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

/** Both selectors for one claim, as stored with it. */
export type Anchor = { quote: TextQuoteSelector; position: TextPositionSelector };

/**
 * exact: the quote is still at its stored position.
 * moved: the quote is intact but elsewhere.
 * fuzzy: found, differing only in whitespace or typography (safe to update silently).
 * changed: found, but its wording was edited: the claim needs review (`exact` holds the new passage).
 * lost: nothing close enough was found (start and end are -1).
 */
export type AnchorStatus = "exact" | "moved" | "fuzzy" | "changed" | "lost";

/** Where an anchor lands in a text. `score` (0..1) weighs the quote's similarity 3:1 against its context's. */
export type AnchorResolution = { status: AnchorStatus; start: number; end: number; score: number; exact: string };

/** Context kept either side of a quote, as in the W3C examples and Hypothesis. */
export const CONTEXT_LENGTH = 32;

/** Build both selectors for text[start, end). Throws RangeError on an empty or out-of-range span. */
export function createAnchor(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid anchor range [${start}, ${end}) for a text of ${text.length} characters`);
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(toCharBoundary(text, Math.max(0, start - CONTEXT_LENGTH), 1), start),
      suffix: text.slice(end, toCharBoundary(text, Math.min(text.length, end + CONTEXT_LENGTH), -1)),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/**
 * Find an anchor in a (possibly edited) text: at its stored position, then
 * the quote elsewhere (ranked by context and nearness), then by approximate
 * matching of the quote and its context.
 */
export function resolveAnchor(newText: string, anchor: Anchor): AnchorResolution {
  return resolveWithHint(newText, anchor, { expectedStart: anchor.position.start, mapped: null });
}

/**
 * Re-anchor many claims after an edit. The two texts are diffed once and
 * every stored position is carried through the diff, so unaffected claims
 * cost a lookup and only edited ones fall back to searching.
 */
export function reanchorAll(oldText: string, newText: string, anchors: ReadonlyArray<Anchor>): AnchorResolution[] {
  if (oldText === newText) return anchors.map((anchor) => resolveAnchor(newText, anchor));
  const offsets = buildOffsetMap(oldText, newText);
  return anchors.map((anchor) => {
    const { start, end } = anchor.position;
    const isCurrent = oldText.slice(start, end) === anchor.quote.exact;
    const mappedStart = offsets.mapStart(start);
    // A stale position says nothing reliable about the passage's new extent.
    const mapped = isCurrent ? { start: mappedStart, end: Math.max(mappedStart, offsets.mapEnd(end)) } : null;
    return resolveWithHint(newText, anchor, { expectedStart: mappedStart, mapped });
  });
}
