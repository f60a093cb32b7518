import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { createAnchor, reanchorAll, type Anchor, type AnchorResolution } from "@/lib/claims/anchor";
import { recordClaimEvent } from "@/lib/claims/events";
import { recordLiveChange } from "@/lib/live/changes";
import { ARTICLE_IMPORTED } from "@/lib/live/relevance";
import type { Actor } from "@/lib/claims/mutations";
import { AppError } from "@/lib/errors";
import { chargeTeamStorage, refuseArticleBeyondCap, storedBytes } from "@/lib/limits/caps";
import { reviewJudgement } from "@/lib/verification/sign-off";
import { applyCleaning, listLines } from "./clean";
import { hashContent } from "./content-hash";
import { attachCapture } from "./page-captures";
import type { SaveImportInput } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Applies the editor's debris choices; refuses text that ends up empty. */
function cleanText(input: SaveImportInput): { text: string; removedLines: string[]; contentHash: string } {
  const lines = listLines(input.text);
  const text = applyCleaning(input.text, input.removedLines);
  if (!text.trim()) throw new AppError("INVALID_INPUT", "Nothing is left once the removed lines are gone. Keep some lines.");
  const removedLines = input.removedLines.map((index) => lines[index]?.text).filter((line): line is string => Boolean(line));
  return { text, removedLines, contentHash: hashContent(text) };
}

async function findDuplicate(tx: Tx, teamId: string, contentHash: string) {
  return tx.articleVersion.findFirst({
    where: { teamId, contentHash },
    select: { number: true, article: { select: { id: true, title: true } } },
  });
}

function metadataOf(input: SaveImportInput) {
  return {
    title: input.title,
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    url: input.url ?? null,
    publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
  };
}

export type ImportResult =
  | { kind: "created"; articleId: string }
  | { kind: "duplicate"; articleId: string; title: string; versionNumber: number }
  | { kind: "new-version"; articleId: string; versionNumber: number; moved: number; changed: number; lost: number };

/**
 * Saves an imported article, or a new version of one when `articleId` is given. The same
 * text already in the team is not stored twice: the editor is sent to it instead. Imports into
 * one team take turns (its row is locked first), so two of one text store it once, and the
 * team's article count and storage are read as they stand.
 */
export async function saveImport(db: Db, actor: Actor, input: SaveImportInput): Promise<ImportResult> {
  const cleaned = cleanText(input);
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Team", [actor.teamId]);
    const duplicate = await findDuplicate(tx, actor.teamId, cleaned.contentHash);
    if (duplicate) {
      return { kind: "duplicate", articleId: duplicate.article.id, title: duplicate.article.title, versionNumber: duplicate.number };
    }
    await chargeTeamStorage(tx, actor.teamId, storedBytes(cleaned.text));
    if (input.articleId) return addVersion(tx, actor, input.articleId, input, cleaned);
    await refuseArticleBeyondCap(tx, actor.teamId);
    const article = await tx.article.create({
      data: {
        teamId: actor.teamId,
        createdById: actor.userId,
        ...metadataOf(input),
        versions: {
          create: {
            number: 1, teamId: actor.teamId, createdById: actor.userId, text: cleaned.text,
            contentHash: cleaned.contentHash, removedLines: JSON.stringify(cleaned.removedLines), source: input.source,
          },
        },
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    if (input.captureId) await attachCapture(tx, actor, input.captureId, article.versions[0]!.id, input.text);
    await announceImport(tx, actor, article.id);
    return { kind: "created", articleId: article.id };
  });
}

/** Adds version n+1 and re-anchors every claim on it; changed and lost passages are flagged. */
async function addVersion(
  tx: Tx,
  actor: Actor,
  articleId: string,
  input: SaveImportInput,
  cleaned: ReturnType<typeof cleanText>,
): Promise<ImportResult> {
  // A claim being added now is on the version read below, and is re-anchored with the others.
  await lockRows(tx, "Article", [articleId]);
  const previous = await tx.articleVersion.findFirst({
    where: { articleId, teamId: actor.teamId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true },
  });
  if (!previous) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  const version = await tx.articleVersion.create({
    data: {
      articleId, teamId: actor.teamId, createdById: actor.userId, number: previous.number + 1, text: cleaned.text,
      contentHash: cleaned.contentHash, removedLines: JSON.stringify(cleaned.removedLines), source: input.source,
    },
    select: { id: true, number: true },
  });
  if (input.captureId) await attachCapture(tx, actor, input.captureId, version.id, input.text);
  await tx.article.update({ where: { id: articleId }, data: metadataOf(input) });
  const claims = await tx.claim.findMany({
    where: { articleId, teamId: actor.teamId },
    select: { id: true, quote: true, prefix: true, suffix: true, start: true, end: true, anchorState: true, previousQuote: true, deletedAt: true, signedOffById: true },
  });
  const anchors: Anchor[] = claims.map((claim) => ({
    quote: { type: "TextQuoteSelector", exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
    position: { type: "TextPositionSelector", start: claim.start, end: claim.end },
  }));
  const results = reanchorAll(previous.text, cleaned.text, anchors);
  const counts = { moved: 0, changed: 0, lost: 0 };
  for (const [index, claim] of claims.entries()) {
    const outcome = describeOutcome(results[index]);
    const state = keepReviewFlag(claim.anchorState, outcome.state);
    if (state !== "anchored" && !claim.deletedAt) counts[state]++;
    const anchor = outcome.state === "lost" ? null : createAnchor(cleaned.text, results[index].start, results[index].end);
    await tx.claim.update({
      where: { id: claim.id },
      data: {
        versionId: version.id,
        anchorState: state,
        // An editor with the claim open must reload: its quote may have moved or changed.
        revision: { increment: 1 },
        // A found passage takes its quote and context from the new text (a retyped apostrophe included).
        ...(anchor ? selectorFields(anchor) : { start: 0, end: 0 }),
        ...(outcome.state === "changed" || outcome.state === "lost" ? { previousQuote: claim.previousQuote ?? claim.quote } : {}),
      },
    });
    if (outcome.state === "changed" || outcome.state === "lost") {
      await recordClaimEvent(tx, {
        teamId: actor.teamId, claimId: claim.id, actorId: actor.userId, type: "reanchored",
        from: claim.quote, to: outcome.state === "lost" ? null : results[index].exact,
        note: `Version ${version.number}: ${outcome.note}`,
      });
    }
    // A sign-off covers the words it was given for: a reworded, retyped or vanished passage is not those.
    const isQuoteChanged = outcome.state === "changed" || outcome.state === "lost" || anchor?.quote.exact !== claim.quote;
    if (claim.signedOffById && isQuoteChanged) {
      const what = outcome.state === "lost" ? "the quoted passage is no longer in the article" : "the quoted passage changed";
      await reviewJudgement(tx, actor, claim.id, { reason: `In version ${version.number} of the article ${what}`, force: true });
    }
  }
  await announceImport(tx, actor, articleId);
  return { kind: "new-version", articleId, versionNumber: version.number, ...counts };
}

/** Tells the team's open article lists (lib/live) that an article came in or changed its title or outlet. */
function announceImport(tx: Tx, actor: Actor, articleId: string) {
  return recordLiveChange(tx, { teamId: actor.teamId, kind: ARTICLE_IMPORTED, articleId, actorId: actor.userId });
}

function selectorFields(anchor: Anchor) {
  return { quote: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix, start: anchor.position.start, end: anchor.position.end };
}

/**
 * A claim flagged "changed" or "lost" stays flagged until an editor marks it reviewed, even if
 * a later version brings a matching passage back; a lost passage that reappears is "changed".
 */
export function keepReviewFlag(previous: string, next: AnchorState): AnchorState {
  if (previous === "lost" && next !== "lost") return "changed";
  if (previous === "changed" && next !== "lost") return "changed";
  return next;
}

export type AnchorState = "anchored" | "moved" | "changed" | "lost";

/** Maps the anchoring result to what the editor is told about the claim. */
export function describeOutcome(result: AnchorResolution): { state: AnchorState; note: string } {
  switch (result.status) {
    case "exact":
      return { state: "anchored", note: "passage unchanged" };
    case "moved":
    case "fuzzy":
      return { state: "moved", note: "passage found in a new place" };
    case "changed":
      return { state: "changed", note: "the quoted passage was reworded; check the claim" };
    case "lost":
      return { state: "lost", note: "the quoted passage is no longer in the article" };
  }
}
