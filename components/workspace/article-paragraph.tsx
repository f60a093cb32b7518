import { Fragment, memo } from "react";
import { highlightSegments, type Paragraph } from "@/lib/articles/paragraphs";
import { styleOfStatus } from "./status";

/** The part of a claim the text needs: where it is, its number and its status. */
export type ClaimMark = { id: string; start: number; end: number; number: number; status: string };

/** The claims touching one paragraph, with a signature that changes only when they do. */
export type ParagraphClaims = { claims: ClaimMark[]; signature: string };

/**
 * One paragraph with its claims highlighted. Every run of text carries its offsets
 * (data-start/data-end), which is how a DOM selection becomes exact character offsets.
 * Memoised on the claims' signature: selecting or adding one claim re-renders one paragraph.
 */
export const ArticleParagraph = memo(
  function ArticleParagraph({ paragraph, marks }: { paragraph: Paragraph; marks: ParagraphClaims }) {
    const claims = marks.claims;
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const startingAt = new Map<number, ClaimMark[]>();
    for (const claim of claims) {
      if (claim.start < paragraph.start) continue;
      startingAt.set(claim.start, [...(startingAt.get(claim.start) ?? []), claim]);
    }
    return (
      <p
        data-paragraph={paragraph.index}
        // A claim here needs review: labelled in the margin (text-styles.ts).
        data-review={claims.some((claim) => claim.status === "needs_review") ? "" : undefined}
        className="whitespace-pre-line"
      >
        {highlightSegments(paragraph, claims).map((segment) => {
          const covering = segment.claimIds.map((id) => byId.get(id)!);
          const inner = covering[covering.length - 1];
          return (
            <Fragment key={segment.start}>
              {startingAt.get(segment.start)?.map((claim) => <ClaimMarker key={claim.id} claim={claim} />)}
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
                <span data-start={segment.start} data-end={segment.end}>
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
