import { syncClaimMatchIndex } from "@/lib/claims/matching/store";
import type { Db } from "@/lib/config/prisma-client";
import { lockReferencedRows, lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";
import { refuseClaimsBeyondCap, refuseLongQuote } from "@/lib/limits/caps";
import { isInsidePair, truncate } from "@/lib/text/truncate";
import { describeClaimChange } from "@/lib/verification/claim-change";
import { reviewJudgement } from "@/lib/verification/sign-off";
import { createAnchor } from "./anchor";
import { recordAcceptance } from "./acceptance";
import { recordClaimEvent } from "./events";
import { positionBetween, trimRange } from "./range";
import { STATEMENT_MAX, type CreateClaimInput } from "./schema";

import { claimEventBase, claimNotFound, claimRevision } from "./revision";
import type { Actor, Tx } from "./revision";
import { countOf } from "@/lib/text/plural";

export type { Actor };

async function loadLatestVersion(tx: Tx, teamId: string, articleId: string) {
  const version = await tx.articleVersion.findFirst({
    where: { articleId, teamId },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "That article does not exist in this team.");
  return version;
}

async function nextPosition(tx: Tx, articleId: string) {
  const last = await tx.claim.findFirst({
    where: { articleId, deletedAt: null },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return positionBetween(last?.position ?? null, null);
}

/**
 * Offsets count UTF-16 units, so one can fall inside an emoji (only from a forged request or a
 * client bug): the quote would then hold half of it, which cannot be stored.
 */
function refuseHalfCharacter(text: string, ...offsets: number[]) {
  if (offsets.some((at) => isInsidePair(text, at))) {
    throw new AppError("INVALID_INPUT", "The selection cuts a character (an emoji, say) in half. Select the passage again.");
  }
}

/**
 * Anchors a new claim on the article's latest text; the statement defaults to the quote (as much
 * as a statement holds). The article's lock keeps its count, its last position and its latest
 * version as read until the claim is in (lib/config/row-locks.ts).
 */
export async function createClaim(db: Db, actor: Actor, input: CreateClaimInput) {
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Article", [input.articleId]);
    const version = await loadLatestVersion(tx, actor.teamId, input.articleId);
    const range = trimRange(version.text, input.start, input.end);
    if (!range || input.end > version.text.length) {
      throw new AppError("INVALID_INPUT", "The selection is not part of the article's text. Select a passage in the article.");
    }
    refuseLongQuote(range.end - range.start);
    refuseHalfCharacter(version.text, range.start, range.end);
    await refuseClaimsBeyondCap(tx, input.articleId);
    const anchor = createAnchor(version.text, range.start, range.end);
    const claim = await tx.claim.create({
      data: {
        teamId: actor.teamId,
        articleId: input.articleId,
        versionId: version.id,
        position: await nextPosition(tx, input.articleId),
        quote: anchor.quote.exact,
        prefix: anchor.quote.prefix,
        suffix: anchor.quote.suffix,
        start: anchor.position.start,
        end: anchor.position.end,
        statement: input.statement ?? truncate(anchor.quote.exact, STATEMENT_MAX),
        createdById: actor.userId,
      },
      select: { id: true, quote: true, statement: true },
    });
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "created", to: claim.statement });
    if (input.fromSuggestion) await recordAcceptance(tx, actor, { articleId: input.articleId, sentence: claim.quote, claimId: claim.id });
    return claim;
  });
}

/** The claim, read once it is locked for this transaction: what it decides on stays so until it commits. */
async function findClaim(tx: Tx, actor: Actor, claimId: string) {
  await lockRows(tx, "Claim", [claimId]);
  const claim = await tx.claim.findFirst({
    where: { id: claimId, teamId: actor.teamId },
    select: {
      id: true, articleId: true, versionId: true, statement: true, quote: true, start: true, end: true,
      position: true, revision: true, deletedAt: true, status: true,
    },
  });
  if (!claim) throw claimNotFound();
  return claim;
}

/** Answers with what the edit did (lib/verification/claim-change.ts): a withdrawn sign-off, say. */
export async function updateClaimStatement(db: Db, actor: Actor, input: { claimId: string; revision: number; statement: string; note?: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findClaim(tx, actor, input.claimId);
    await claimRevision(tx, actor, claim.id, input.revision);
    if (claim.statement === input.statement) return describeClaimChange(tx, actor, claim.id, { since: input.revision });
    await tx.claim.update({ where: { id: claim.id }, data: { statement: input.statement } });
    await syncClaimMatchIndex(tx, [claim.id]);
    const edited = await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "edited", from: claim.statement, to: input.statement, note: input.note });
    const review = await reviewJudgement(tx, actor, claim.id, { reason: "The statement was edited" });
    return describeClaimChange(tx, actor, claim.id, { since: input.revision, events: [edited, ...review.events] });
  });
}

/** The same, for a change to the article's list (a place in it, the count): its article is locked first. */
async function findListedClaim(tx: Tx, actor: Actor, claimId: string) {
  await lockReferencedRows(tx, "Article", { from: "Claim", column: "articleId", ids: [claimId] });
  return findClaim(tx, actor, claimId);
}

/** Deletion is soft and recorded; `restoreClaim` undoes it. */
export async function deleteClaim(db: Db, actor: Actor, input: { claimId: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findClaim(tx, actor, input.claimId);
    if (claim.deletedAt) return claim;
    await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date(), revision: { increment: 1 } } });
    await syncClaimMatchIndex(tx, [claim.id]);
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "deleted", from: claim.statement });
    return claim;
  });
}

export async function restoreClaim(db: Db, actor: Actor, input: { claimId: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findListedClaim(tx, actor, input.claimId);
    if (!claim.deletedAt) return claim;
    await refuseClaimsBeyondCap(tx, claim.articleId);
    const position = await freePosition(tx, claim);
    await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: null, position, revision: { increment: 1 } } });
    await syncClaimMatchIndex(tx, [claim.id]);
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "restored", to: claim.statement });
    return claim;
  });
}

/**
 * New claims, splits and moves only look at listed claims, so a deleted claim's position may have
 * been given to another meanwhile: the restored claim then goes right after that one.
 */
async function freePosition(tx: Tx, claim: { id: string; articleId: string; position: number }) {
  const taken = await tx.claim.findFirst({
    where: { articleId: claim.articleId, deletedAt: null, position: claim.position, id: { not: claim.id } },
    select: { id: true },
  });
  if (!taken) return claim.position;
  const after = await tx.claim.findFirst({
    where: { articleId: claim.articleId, deletedAt: null, position: { gt: claim.position } },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  return positionBetween(claim.position, after?.position ?? null);
}

/** Splits a claim at an article offset inside its quote: the first part keeps the claim's history. */
export async function splitClaim(db: Db, actor: Actor, input: { claimId: string; revision: number; at: number }) {
  return db.$transaction(async (tx) => {
    const claim = await findListedClaim(tx, actor, input.claimId);
    const version = await tx.articleVersion.findUniqueOrThrow({ where: { id: claim.versionId }, select: { text: true } });
    const first = trimRange(version.text, claim.start, input.at);
    const second = trimRange(version.text, input.at, claim.end);
    if (!first || !second || input.at <= claim.start || input.at >= claim.end) {
      throw new AppError("INVALID_INPUT", "Split inside the quote, so that each part keeps some words.");
    }
    refuseHalfCharacter(version.text, input.at);
    await refuseClaimsBeyondCap(tx, claim.articleId);
    await claimRevision(tx, actor, claim.id, input.revision);
    const head = createAnchor(version.text, first.start, first.end);
    const tail = createAnchor(version.text, second.start, second.end);
    await tx.claim.update({
      where: { id: claim.id },
      data: { ...anchorFields(head), statement: claim.statement === claim.quote ? head.quote.exact : claim.statement },
    });
    await syncClaimMatchIndex(tx, [claim.id]);
    const after = await tx.claim.findFirst({
      where: { articleId: claim.articleId, deletedAt: null, position: { gt: claim.position } },
      orderBy: { position: "asc" },
      select: { position: true },
    });
    const created = await tx.claim.create({
      data: {
        teamId: actor.teamId, articleId: claim.articleId, versionId: claim.versionId, createdById: actor.userId,
        position: positionBetween(claim.position, after?.position ?? null),
        // The new part has no verdict yet, so it cannot be done.
        ...anchorFields(tail), statement: tail.quote.exact, status: claim.status === "done" ? "in_progress" : claim.status,
      },
      select: { id: true },
    });
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "split", from: claim.quote, to: head.quote.exact, note: `Second part became a new claim` });
    await recordClaimEvent(tx, { ...claimEventBase(actor, created.id), type: "created", to: tail.quote.exact, note: "Split from another claim" });
    await reviewJudgement(tx, actor, claim.id, { reason: "The claim was split, so its quote changed" });
    return { firstId: claim.id, secondId: created.id };
  });
}

function anchorFields(anchor: ReturnType<typeof createAnchor>) {
  return {
    quote: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix,
    start: anchor.position.start, end: anchor.position.end, anchorState: "anchored" as const, previousQuote: null,
  };
}

/**
 * Merges claims of one article into the first of them (in reading order): its quote spans
 * from the earliest start to the latest end; the others are deleted (and can be restored).
 */
export async function mergeClaims(db: Db, actor: Actor, input: { claimIds: string[] }) {
  const ids = new Set(input.claimIds);
  // One claim's id twice is not a merge: it would only rewrite that claim.
  if (ids.size < 2) {
    const message = "Choose at least two different claims to merge.";
    throw new AppError("INVALID_INPUT", message, { claimIds: [message] });
  }
  return db.$transaction(async (tx) => {
    // A claim merged into one claim is gone for a merge into another that waited for it.
    await lockReferencedRows(tx, "Article", { from: "Claim", column: "articleId", ids: [...ids] });
    await lockRows(tx, "Claim", [...ids]);
    const claims = await tx.claim.findMany({
      where: { id: { in: [...ids] }, teamId: actor.teamId, deletedAt: null },
      orderBy: { start: "asc" },
      select: { id: true, articleId: true, versionId: true, statement: true, quote: true, start: true, end: true, anchorState: true },
    });
    if (claims.length !== ids.size) throw claimNotFound();
    if (new Set(claims.map((claim) => claim.versionId)).size !== 1) {
      throw new AppError("INVALID_INPUT", "Only claims of the same article version can be merged.");
    }
    if (claims.some((claim) => claim.anchorState === "lost")) {
      throw new AppError("INVALID_INPUT", "A claim whose passage is no longer in the article cannot be merged. Delete it or keep it apart.");
    }
    const [keep, ...rest] = claims;
    const end = Math.max(...claims.map((claim) => claim.end));
    // The merged passage runs from the first claim to the last, with everything between.
    refuseLongQuote(end - keep.start, { isMerge: true });
    const version = await tx.articleVersion.findUniqueOrThrow({ where: { id: keep.versionId }, select: { text: true } });
    const anchor = createAnchor(version.text, keep.start, end);
    const statement = claims.map((claim) => claim.statement).join(" ");
    await tx.claim.update({ where: { id: keep.id }, data: { ...anchorFields(anchor), statement: truncate(statement, STATEMENT_MAX), revision: { increment: 1 } } });
    for (const other of rest) {
      await tx.claim.update({ where: { id: other.id }, data: { deletedAt: new Date(), revision: { increment: 1 } } });
      await recordClaimEvent(tx, { ...claimEventBase(actor, other.id), type: "merged", from: other.statement, note: `Merged into another claim` });
    }
    await recordClaimEvent(tx, { ...claimEventBase(actor, keep.id), type: "merged", from: keep.statement, to: statement, note: `Merged ${countOf(rest.length, "claim")} into this one` });
    await reviewJudgement(tx, actor, keep.id, { reason: "Other claims were merged into this one, so its quote and statement changed" });
    await syncClaimMatchIndex(tx, claims.map((claim) => claim.id));
    return { id: keep.id };
  });
}

/** Moves a claim one place up or down in the list (the list's order is the editor's). */
export async function moveClaim(db: Db, actor: Actor, input: { claimId: string; direction: "up" | "down" }) {
  return db.$transaction(async (tx) => {
    const claim = await findListedClaim(tx, actor, input.claimId);
    const isUp = input.direction === "up";
    const neighbours = await tx.claim.findMany({
      where: { articleId: claim.articleId, deletedAt: null, position: isUp ? { lt: claim.position } : { gt: claim.position } },
      orderBy: { position: isUp ? "desc" : "asc" },
      take: 2,
      select: { position: true },
    });
    if (neighbours.length === 0) return claim;
    const [near, far] = neighbours.map((neighbour) => neighbour.position);
    const position = isUp ? positionBetween(far ?? null, near) : positionBetween(near, far ?? null);
    await tx.claim.update({ where: { id: claim.id }, data: { position } });
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "reordered", note: `Moved ${input.direction}` });
    return claim;
  });
}

/** The editor has looked at a claim whose passage changed or vanished: the flag is cleared. */
export async function markAnchorReviewed(db: Db, actor: Actor, input: { claimId: string; revision: number }) {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, teamId: actor.teamId },
      select: { id: true, anchorState: true, previousQuote: true, quote: true },
    });
    if (!claim) throw claimNotFound();
    await claimRevision(tx, actor, claim.id, input.revision);
    await tx.claim.update({ where: { id: claim.id }, data: { anchorState: "anchored", previousQuote: null } });
    const event = await recordClaimEvent(tx, {
      ...claimEventBase(actor, claim.id), type: "reanchored", from: claim.previousQuote, to: claim.quote,
      note: `Reviewed after the passage ${claim.anchorState === "lost" ? "vanished" : "changed"}`,
    });
    return describeClaimChange(tx, actor, claim.id, { since: input.revision, events: [event] });
  });
}

