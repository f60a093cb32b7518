import type { VerifiedClaim } from "./matching-data";

/** What of a verified claim the matcher reads: the claim and its article's title (as an app claim's statement and quote). */
export function matchingTextOf(claim: VerifiedClaim): string {
  return `${claim.claim} ${claim.title}`;
}
