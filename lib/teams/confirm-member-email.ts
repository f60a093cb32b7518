import type { Db } from "@/lib/config/prisma-client";
import { recordEmailProof } from "@/lib/auth/email-verification";
import { AppError } from "@/lib/errors";

/**
 * A team owner vouches that a member's address is theirs (the Members page), for a member whose
 * mailed link never arrived: with mail set up, the account can then be used. It is not a mailbox
 * proof, so it never lets single sign-on take the account over (lib/auth/email-proof.ts).
 */
export async function confirmMemberEmail(db: Db, input: { teamId: string; membershipId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, teamId: input.teamId },
      select: { userId: true, user: { select: { name: true, email: true } } },
    });
    if (!membership) throw new AppError("NOT_FOUND", "That member is no longer in this team.");
    if (membership.userId === input.actorId) throw new AppError("FORBIDDEN", "You cannot vouch for your own address. Use the link mailed to you.");
    const isChanged = await recordEmailProof(tx, { userId: membership.userId, proof: "owner", actorId: input.actorId, teamId: input.teamId });
    return { ...membership.user, isChanged };
  });
}
