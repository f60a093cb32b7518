import type { Db } from "@/lib/config/prisma-client";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordLiveChange } from "@/lib/live/changes";
import { SUGGESTION_DISMISSED } from "@/lib/live/relevance";
import type { Actor } from "./mutations";
import { hashSentence } from "./sentence-hash";
import { isCovered } from "./suggest/coverage";
import { draftStatement, type StatementDraft } from "./standalone-draft";
import { suggestClaims, type Suggestion } from "./suggest/suggest";

export { hashSentence };

export async function dismissSuggestion(db: Db, actor: Actor, input: { articleId: string; sentence: string }) {
  const article = await db.article.findFirst({ where: { id: input.articleId, teamId: actor.teamId }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  const sentenceHash = hashSentence(input.sentence);
  try {
    await db.$transaction(async (tx) => {
      await tx.suggestionDismissal.create({ data: { articleId: article.id, sentenceHash, dismissedById: actor.userId } });
      await recordLiveChange(tx, { teamId: actor.teamId, kind: SUGGESTION_DISMISSED, articleId: article.id, actorId: actor.userId });
    });
  } catch (error) {
    // Dismissed already, perhaps by another editor at this very moment: that is the same.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** `draft`: the statement the claim starts with when accepted, written to stand alone (standalone-draft.ts). */
export type RankedSuggestion = Suggestion & { hash: string; draft: StatementDraft };

/**
 * The text's check-worthy passages, best first, without those the editor dismissed or accepted
 * (by hash) or already turned into claims (a claim overlapping most of the passage covers it).
 */
export function rankSuggestions(
  text: string,
  claims: ReadonlyArray<{ start: number; end: number }>,
  decidedHashes: Iterable<string>,
): RankedSuggestion[] {
  const decided = new Set(decidedHashes);
  return suggestClaims(text)
    .filter((suggestion) => suggestion.isCheckWorthy)
    .map((suggestion) => ({ ...suggestion, hash: hashSentence(suggestion.sentence) }))
    .filter((suggestion) => !decided.has(suggestion.hash) && !isCovered(suggestion, claims))
    .map((suggestion) => ({ ...suggestion, draft: draftStatement(text, suggestion) }));
}

/** The article's suggestions as they stand (rankSuggestions on its latest version). */
export async function listSuggestions(db: Db, actor: Actor, input: { articleId: string }): Promise<RankedSuggestion[]> {
  const version = await db.articleVersion.findFirst({
    where: { articleId: input.articleId, teamId: actor.teamId },
    orderBy: { number: "desc" },
    select: {
      text: true,
      article: {
        select: {
          claims: { where: { deletedAt: null }, select: { start: true, end: true } },
          dismissals: { select: { sentenceHash: true } },
          acceptances: { select: { sentenceHash: true } },
        },
      },
    },
  });
  if (!version) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  const { claims, dismissals, acceptances } = version.article;
  return rankSuggestions(version.text, claims, [...dismissals, ...acceptances].map((decision) => decision.sentenceHash));
}

/**
 * The editor asks for suggestions: from now on the workspace marks them in the article on every
 * load (Article.suggestedAt, set once; a second request leaves the first time).
 */
export async function requestSuggestions(db: Db, actor: Actor, input: { articleId: string }): Promise<RankedSuggestion[]> {
  const suggestions = await listSuggestions(db, actor, input);
  await db.article.updateMany({ where: { id: input.articleId, teamId: actor.teamId, suggestedAt: null }, data: { suggestedAt: new Date() } });
  return suggestions;
}
