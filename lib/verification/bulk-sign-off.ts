import type { Actor } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { isAppError } from "@/lib/errors";
import { signOffVerdict } from "./mutations";
import type { BulkSignOffInput } from "./schema";

export type BulkSignOffResult = {
  /** What each sign-off changed, as the single sign-off answers (claim-change.ts). */
  signed: Awaited<ReturnType<typeof signOffVerdict>>[];
  /** Each claim not signed off, with the reason the single sign-off gave. */
  refused: { claimId: string; reason: string }[];
};

/**
 * Signs off a selection of one article's claims (issue 14), each through `signOffVerdict`, the
 * single sign-off's own transaction and rules (docs/decisions/0008): one's own verdict, a verdict
 * the evidence rules refuse now (strict captures included), a claim changed since the review was
 * loaded (its revision) are refused, each with why; the rest are signed. Claim by claim, so one
 * refusal never undoes another's sign-off, and each claim is locked only while it is signed.
 */
export async function signOffClaims(db: Db, actor: Actor, input: BulkSignOffInput): Promise<BulkSignOffResult> {
  const inArticle = new Set(
    (await db.claim.findMany({ where: { id: { in: input.claims.map((claim) => claim.claimId) }, teamId: actor.teamId, articleId: input.articleId, deletedAt: null }, select: { id: true } }))
      .map((claim) => claim.id),
  );
  const result: BulkSignOffResult = { signed: [], refused: [] };
  for (const { claimId, revision } of input.claims) {
    if (!inArticle.has(claimId)) {
      result.refused.push({ claimId, reason: "No longer exists in this article." });
      continue;
    }
    try {
      result.signed.push(await signOffVerdict(db, actor, { claimId, revision, note: input.note }));
    } catch (error) {
      if (!isAppError(error)) throw error;
      result.refused.push({ claimId, reason: error.message });
    }
  }
  return result;
}
