import { createHash } from "node:crypto";

/**
 * What a verdict judges and a sign-off confirms: the claim's words, the verdict with its
 * rationale, and the evidence cited for it. Anything else (notes, archive links, the order of
 * the list, assignee, workflow state) can change without touching the judgement.
 */
export type JudgedClaim = { statement: string; quote: string; verdict: string | null; rationale: string | null };
export type JudgedCitation = {
  id: string; sourceId: string; url?: string | null; passage?: string | null; relation: string; viaCitationId?: string | null; isOrigin: boolean;
};

/** The citation columns a judgement covers (select these from live citations only). */
export const judgedCitationSelect = {
  id: true, sourceId: true, url: true, passage: true, relation: true, viaCitationId: true, isOrigin: true,
} as const;

const DIGEST_VERSION = "judgement/v1";

/**
 * SHA-256 (hex) of a judgement: recorded when a verdict is signed off, and compared with the claim
 * as it stands whenever a sign-off is shown or relied on. Citations are taken in id order, so
 * the digest does not depend on how they were read.
 */
export function digestJudgement(claim: JudgedClaim, citations: readonly JudgedCitation[]): string {
  const evidence = [...citations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((citation) => [citation.id, citation.sourceId, citation.url ?? null, citation.passage ?? null, citation.relation, citation.viaCitationId ?? null, citation.isOrigin]);
  const canonical = JSON.stringify([DIGEST_VERSION, claim.statement, claim.quote, claim.verdict, claim.rationale, evidence]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/**
 * True when a recorded sign-off still covers the claim: the digest taken at sign-off matches the
 * claim and its live citations now. A sign-off without a digest (recorded before digests were
 * kept) covers nothing, since nobody can tell what it was given for.
 */
export function isSignOffCurrent(
  claim: JudgedClaim & { signedOffById: string | null; signedOffDigest: string | null },
  citations: readonly JudgedCitation[],
): boolean {
  return Boolean(claim.signedOffById && claim.signedOffDigest) && claim.signedOffDigest === digestJudgement(claim, citations);
}
