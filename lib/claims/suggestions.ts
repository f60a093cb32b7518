import { createHash } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Actor } from "./mutations";
import { draftStatement, type StatementDraft } from "./standalone-draft";
import { suggestClaims, type Suggestion } from "./suggest/suggest";

/** Whitespace- and case-folded hash of a sentence: a dismissal survives re-imports. */
export function hashSentence(sentence: string): string {
  return createHash("sha256").update(sentence.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase()).digest("hex").slice(0, 32);
}

export async function dismissSuggestion(db: Db, actor: Actor, input: { articleId: string; sentence: string }) {
  const article = await db.article.findFirst({ where: { id: input.articleId, teamId: actor.teamId }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  const sentenceHash = hashSentence(input.sentence);
  try {
    await db.suggestionDismissal.create({ data: { articleId: article.id, sentenceHash, dismissedById: actor.userId } });
  } catch (error) {
    // Dismissed already, perhaps by another editor at this very moment: that is the same.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** `draft`: the statement the claim starts with when accepted, written to stand alone (standalone-draft.ts). */
export type RankedSuggestion = Suggestion & { hash: string; draft: StatementDraft };

/**
 * The article's check-worthy sentences, best first, without those the editor dismissed or
 * already turned into claims (a claim overlapping most of the sentence covers it).
 */
export async function listSuggestions(db: Db, actor: Actor, input: { articleId: string }): Promise<RankedSuggestion[]> {
  const version = await db.articleVersion.findFirst({
    where: { articleId: input.articleId, teamId: actor.teamId },
    orderBy: { number: "desc" },
    select: { text: true, article: { select: { claims: { where: { deletedAt: null }, select: { start: true, end: true } }, dismissals: { select: { sentenceHash: true } } } } },
  });
  if (!version) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  const dismissed = new Set(version.article.dismissals.map((dismissal) => dismissal.sentenceHash));
  const claims = version.article.claims;
  return suggestClaims(version.text)
    .map((suggestion) => ({ ...suggestion, hash: hashSentence(suggestion.sentence) }))
    .filter((suggestion) => suggestion.isCheckWorthy && !dismissed.has(suggestion.hash) && !isCovered(suggestion, claims))
    .sort((a, b) => b.score - a.score)
    .map((suggestion) => ({ ...suggestion, draft: draftStatement(version.text, suggestion) }));
}

function isCovered(range: { start: number; end: number }, claims: Array<{ start: number; end: number }>): boolean {
  const length = range.end - range.start;
  return claims.some((claim) => Math.min(claim.end, range.end) - Math.max(claim.start, range.start) >= length / 2);
}
