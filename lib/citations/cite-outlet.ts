import type { Actor } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { AppError, isAppError } from "@/lib/errors";
import { normalizeSourceName } from "@/lib/sources/normalize";
import { findLiveClaim, resolveSource, writeCitation } from "./mutations";
import type { BulkCiteOutletInput } from "./schema";

export type BulkCiteOutletResult = {
  /** The registry source cited (the article's outlet, found or added the way a typed name is). */
  source: { id: string; name: string } | null;
  /** True when the outlet was not in the registry before and this added it. */
  sourceAdded: boolean;
  cited: string[];
  /** Cited claims whose sign-off the new evidence withdrew (the signer did not see it: decision 0008). */
  signOffsWithdrawn: string[];
  /** Claims that already cite the outlet, left as they were. */
  alreadyCiting: string[];
  /** Claims refused, each with why (gone, another article's or another team's). */
  skipped: { claimId: string; reason: string }[];
};

export const NO_OUTLET_MESSAGE =
  "This article has no outlet recorded, so there is nothing to cite. Cite a source by name on each claim's page instead, or import the article's next version with its outlet filled in.";

/**
 * "Cite the article's outlet" for several claims of one article (issue 14): each claim gets what the
 * single button gives it (`citeArticleOutlet`): a citation of the outlet stating the claim, with the
 * article's address and the claim's quote, recorded in its history, its judgement reviewed. One
 * transaction per claim, in the single path's lock order (Claim, registry key, Source), so a claim
 * refused never undoes another's citation. A claim already citing the outlet is left alone and
 * listed as such: running it twice adds nothing.
 */
export async function citeOutletForClaims(db: Db, actor: Actor, input: BulkCiteOutletInput): Promise<BulkCiteOutletResult> {
  const article = await db.article.findFirst({ where: { id: input.articleId, teamId: actor.teamId }, select: { outlet: true, url: true } });
  if (!article) throw new AppError("NOT_FOUND", "That article no longer exists in this team.");
  const outlet = article.outlet?.trim();
  if (!outlet) throw new AppError("INVALID_INPUT", NO_OUTLET_MESSAGE);
  const wasInRegistry = await db.source.count({ where: { teamId: actor.teamId, nameKey: normalizeSourceName(outlet), mergedIntoId: null } }) > 0;
  const result: BulkCiteOutletResult = { source: null, sourceAdded: false, cited: [], signOffsWithdrawn: [], alreadyCiting: [], skipped: [] };
  for (const claimId of new Set(input.claimIds)) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const claim = await findLiveClaim(tx, actor, claimId);
        if (claim.articleId !== input.articleId) throw new AppError("NOT_FOUND", "No longer exists in this article.");
        const source = await resolveSource(tx, actor, { sourceName: outlet, sourceKind: "outlet", url: article.url ?? undefined });
        const existing = await tx.citation.count({ where: { claimId, sourceId: source.id, deletedAt: null } });
        if (existing > 0) return { isCited: false, isSignOffWithdrawn: false, source };
        const written = await writeCitation(tx, actor, claimId, source, {
          relation: "states", isOrigin: false, url: article.url ?? undefined, passage: claim.quote, accessedAt: new Date(),
        });
        return { isCited: true, isSignOffWithdrawn: written.signOffWithdrawn, source };
      });
      result.source = { id: outcome.source.id, name: outcome.source.name };
      (outcome.isCited ? result.cited : result.alreadyCiting).push(claimId);
      if (outcome.isSignOffWithdrawn) result.signOffsWithdrawn.push(claimId);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason = error.code === "NOT_FOUND" ? "No longer exists in this article." : error.message;
      result.skipped.push({ claimId, reason });
    }
  }
  result.sourceAdded = !wasInRegistry && result.cited.length > 0;
  return result;
}
