import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase, claimNotFound } from "@/lib/claims/revision";
import type { Actor } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { parseMentions } from "@/lib/notifications/mentions";
import { truncate } from "@/lib/text/truncate";
import { describeClaimChange } from "./claim-change";

/**
 * Comments are the team's internal discussion of a claim: added, never edited or deleted. The
 * answer holds the comment and its history row (claim-change.ts); the claim's revision stays.
 * The members it mentions ("@Name", lib/notifications/mentions.ts) are stored by id and notified.
 */
export async function addComment(db: Db, actor: Actor, input: { claimId: string; body: string }) {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, teamId: actor.teamId }, select: { id: true, revision: true } });
    if (!claim) throw claimNotFound();
    const comment = await tx.claimComment.create({
      data: { teamId: actor.teamId, claimId: claim.id, authorId: actor.userId, body: input.body },
      select: { id: true, body: true, createdAt: true },
    });
    const members = await tx.membership.findMany({ where: { teamId: actor.teamId }, select: { user: { select: { id: true, name: true } } } });
    const mentioned = parseMentions(input.body, members.map((member) => member.user));
    if (mentioned.length > 0) await tx.commentMention.createMany({ data: mentioned.map((userId) => ({ commentId: comment.id, userId })) });
    const event = await recordClaimEvent(tx, {
      ...claimEventBase(actor, claim.id), type: "commented", note: truncate(input.body, 280), notify: { mentioned, commentId: comment.id },
    });
    return describeClaimChange(tx, actor, claim.id, { since: claim.revision, events: [event], comments: [comment] });
  });
}
