import { Fragment, memo } from "react";
import { highlightSegments, type Paragraph } from "@/lib/articles/paragraphs";
import { styleOfStatus } from "./status";

/** The part of a claim the text needs: where it is, its number and its status. */
export type ClaimMark = { id: string; start: number; end: number; number: number; status: string };

/** A suggested passage in the text: its place in the suggestions list (1 = best) and a label. */
export type SuggestionMark = { hash: string; start: number; end: number; rank: number; label: string };

/** The claims and suggestions touching one paragraph, with a signature that changes only when they do. */
export type ParagraphClaims = { claims: ClaimMark[]; suggestions: SuggestionMark[]; signature: string };

// Suggestions share the segmenting with claims under ids no claim id can take.
const SUGGESTION_ID = "suggestion:";

/**
 * One paragraph with its claims highlighted and its suggestions marked (a dotted underline and
 * a "suggested" button that opens the suggestion in the list). Every run of text carries its
 * offsets (data-start/data-end), which is how a DOM selection becomes exact character offsets.
 * Memoised on the signature: selecting or adding one claim re-renders one paragraph.
 */
export const ArticleParagraph = memo(
  function ArticleParagraph({ paragraph, marks }: { paragraph: Paragraph; marks: ParagraphClaims }) {
    const claims = marks.claims;
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const suggestionById = new Map(marks.suggestions.map((mark) => [`${SUGGESTION_ID}${mark.hash}`, mark]));
    const startingAt = new Map<number, ClaimMark[]>();
    for (const claim of claims) {
      if (claim.start < paragraph.start) continue;
      startingAt.set(claim.start, [...(startingAt.get(claim.start) ?? []), claim]);
    }
    const ranges = [...claims, ...[...suggestionById].map(([id, mark]) => ({ id, start: mark.start, end: mark.end }))];
    return (
      <p
        data-paragraph={paragraph.index}
        // A claim here needs review: labelled in the margin (text-styles.ts).
        data-review={claims.some((claim) => claim.status === "needs_review") ? "" : undefined}
        className="whitespace-pre-line"
      >
        {highlightSegments(paragraph, ranges).map((segment) => {
          const covering = segment.claimIds.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
          const inner = covering[covering.length - 1];
          const suggestion = segment.claimIds.map((id) => suggestionById.get(id)).find((mark) => mark !== undefined);
          return (
            <Fragment key={segment.start}>
              {startingAt.get(segment.start)?.map((claim) => <ClaimMarker key={claim.id} claim={claim} />)}
              {suggestion && suggestion.start === segment.start ? <SuggestionMarker mark={suggestion} /> : null}
              {inner ? (
                <mark
                  data-start={segment.start}
                  data-end={segment.end}
                  data-claims={segment.claimIds.join(" ")}
                  data-s={inner.status}
                  data-overlap={covering.length > 1 ? "" : undefined}
                  title={covering.map((claim) => `Claim ${claim.number}: ${styleOfStatus(claim.status).label}`).join(" · ")}
                >
                  {segment.text}
                </mark>
              ) : (
                <span data-start={segment.start} data-end={segment.end} data-suggested={suggestion ? suggestion.hash : undefined}>
                  {segment.text}
                </span>
              )}
            </Fragment>
          );
        })}
      </p>
    );
  },
  (before, after) => before.paragraph === after.paragraph && before.marks.signature === after.marks.signature,
);

/** The claim's number where its quote starts, shaped by status like its badge in the list. */
function ClaimMarker({ claim }: { claim: ClaimMark }) {
  return (
    <span data-marker={claim.id} data-s={claim.status} aria-hidden="true">
      {claim.number}
    </span>
  );
}

/**
 * Where a suggestion starts: a button (reachable with Tab, named for screen readers) that opens
 * the suggestion in the list, where it is accepted or dismissed. Carries no offsets.
 */
function SuggestionMarker({ mark }: { mark: SuggestionMark }) {
  return (
    <button type="button" data-suggestion-marker={mark.hash} aria-label={`Suggested claim ${mark.rank}: ${mark.label}. Show it in the suggestions list`}>
      suggested
    </button>
  );
}
