import { readFileSync } from "node:fs";
import { removeAllDebris } from "../articles/clean";
import { createAnchor, reanchorAll, resolveAnchor } from "./anchor";
import type { Anchor, AnchorResolution } from "./anchor";

/** The Business Insider fixture, cleaned of debris: a realistic article for anchoring tests. */
export const ARTICLE = removeAllDebris(
  readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url), "utf8"),
);

/** Anchor on the n-th occurrence (0-based) of `quote` in `text`. */
export function anchorOn(text: string, quote: string, occurrence = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return createAnchor(text, start, start + quote.length);
}

/** Resolve with and without the old text: both paths must agree on the outcome. */
export function resolveBoth(oldText: string, newText: string, anchor: Anchor): [AnchorResolution, AnchorResolution] {
  const [viaDiff] = reanchorAll(oldText, newText, [anchor]);
  return [resolveAnchor(newText, anchor), viaDiff as AnchorResolution];
}
