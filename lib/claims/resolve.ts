import type { Anchor, AnchorResolution } from "./anchor";
import { searchApproximate } from "./fuzzy-search";
import { scoreCandidate } from "./scoring";
import type { Candidate } from "./scoring";
import { isSameWording } from "./similarity";

/** Below this overall score a claim is reported lost. */
export const ACCEPT_SCORE = 0.6;
/** However good the context, a passage this unlike the quote is not the claim. */
export const MIN_QUOTE_SIMILARITY = 0.5;
// An intact quote whose context also matches this well is taken without searching further.
const TRUSTED_CONTEXT = 0.5;
// A mapped passage this good reflects the edit itself; searching could only pick a look-alike.
const TRUSTED_MAPPED_SCORE = 0.85;
// The diff's answer wins near-ties: it knows which words were edited.
const MAPPED_PREFERENCE = 0.05;
const MAX_OCCURRENCES = 1000;

export type ResolveHint = { expectedStart: number; mapped: { start: number; end: number } | null };

/** Resolve an anchor given where it is expected and, after a diff, where it was carried to. */
export function resolveWithHint(text: string, anchor: Anchor, hint: ResolveHint): AnchorResolution {
  const { exact } = anchor.quote;
  if (!exact) return buildLost(0);
  const primary = hint.mapped ?? anchor.position;
  if (text.slice(primary.start, primary.end) === exact) {
    return buildResolution(text, anchor, scoreVerbatim(text, anchor, primary.start));
  }
  const occurrence = findBestOccurrence(text, anchor, hint.expectedStart);
  if (occurrence && occurrence.contextSimilarity >= TRUSTED_CONTEXT) return buildResolution(text, anchor, occurrence);
  const mapped = hint.mapped && hint.mapped.end > hint.mapped.start
    ? scoreCandidate(text, anchor, hint.mapped.start, hint.mapped.end)
    : null;
  if (mapped && mapped.score >= TRUSTED_MAPPED_SCORE && isAcceptable(mapped)) return buildResolution(text, anchor, mapped);
  const searched = searchApproximate(text, anchor, hint.expectedStart);
  const candidates = [searched, occurrence, mapped].filter((candidate): candidate is Candidate => candidate !== null);
  const acceptable = candidates.filter(isAcceptable).sort((a, b) => b.score - a.score);
  const best = acceptable[0];
  if (!best) return buildLost(Math.max(0, ...candidates.map((candidate) => candidate.score)));
  const isMappedPreferred = mapped !== null && isAcceptable(mapped) && mapped.score >= best.score - MAPPED_PREFERENCE;
  return buildResolution(text, anchor, isMappedPreferred ? mapped : best);
}

function isAcceptable(candidate: Candidate): boolean {
  return candidate.score >= ACCEPT_SCORE && candidate.quoteSimilarity >= MIN_QUOTE_SIMILARITY;
}

function scoreVerbatim(text: string, anchor: Anchor, start: number): Candidate {
  return scoreCandidate(text, anchor, start, start + anchor.quote.exact.length);
}

/** The verbatim occurrence whose context fits best, nearest the expected place on ties. */
function findBestOccurrence(text: string, anchor: Anchor, expectedStart: number): Candidate | null {
  const { exact } = anchor.quote;
  let best: { candidate: Candidate; rank: number } | null = null;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    count += 1;
    const candidate = scoreVerbatim(text, anchor, at);
    // Nearness only separates occurrences whose contexts fit equally well.
    const rank = candidate.contextSimilarity - (0.01 * Math.abs(at - expectedStart)) / (text.length + 1);
    if (!best || rank > best.rank) best = { candidate, rank };
  }
  return best?.candidate ?? null;
}

function buildResolution(text: string, anchor: Anchor, candidate: Candidate): AnchorResolution {
  const passage = text.slice(candidate.start, candidate.end);
  const score = roundScore(candidate.score);
  const base = { start: candidate.start, end: candidate.end, score, exact: passage };
  if (passage === anchor.quote.exact) {
    return { status: candidate.start === anchor.position.start ? "exact" : "moved", ...base };
  }
  return { status: isSameWording(passage, anchor.quote.exact) ? "fuzzy" : "changed", ...base };
}

function buildLost(score: number): AnchorResolution {
  return { status: "lost", start: -1, end: -1, score: roundScore(score), exact: "" };
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
