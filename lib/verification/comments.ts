import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase, claimNotFound } from "@/lib/claims/revision";
import type { Actor } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { truncate } from "@/lib/text/truncate";
import { describeClaimChange } from "./claim-change";

/**
 * Comments are the team's internal discussion of a claim: added, never edited or deleted. The
 * answer holds the comment and its history row (claim-change.ts); the claim's revision stays.
 */
export async function addComment(db: Db, actor: Actor, input: { claimId: string; body: string }) {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, teamId: actor.teamId }, select: { id: true, revision: true } });
    if (!claim) throw claimNotFound();
    const comment = await tx.claimComment.create({
      data: { teamId: actor.teamId, claimId: claim.id, authorId: actor.userId, body: input.body },
      select: { id: true, body: true, createdAt: true },
    });
    const event = await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "commented", note: truncate(input.body, 280) });
    return describeClaimChange(tx, actor, claim.id, { since: claim.revision, events: [event], comments: [comment] });
  });
}
