import type { Actor, Tx } from "./revision";
import { hashSentence } from "./sentence-hash";

/**
 * Records that a suggested passage became a claim, inside the transaction that creates the claim
 * while it holds the article's row lock (so two acceptances of one passage take turns and the
 * second finds the first). A passage accepted before, whose claim was deleted, counts once.
 */
export async function recordAcceptance(tx: Tx, actor: Actor, input: { articleId: string; sentence: string; claimId: string }) {
  const sentenceHash = hashSentence(input.sentence);
  const where = { articleId_sentenceHash: { articleId: input.articleId, sentenceHash } };
  if (await tx.suggestionAcceptance.findUnique({ where, select: { id: true } })) return;
  await tx.suggestionAcceptance.create({
    data: { articleId: input.articleId, sentenceHash, claimId: input.claimId, acceptedById: actor.userId },
  });
}
