import type { Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import { truncate } from "@/lib/text/truncate";
import { describeLastChange } from "./history";
import { claimStatusDisplay, isClaimStatus, type ClaimStatus } from "./status";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Who makes a change, in which team; `name`, where the caller has it (the session read it), saves reading it again for an answer. */
export type Actor = { teamId: string; userId: string; name?: string };

export const claimNotFound = () => new AppError("NOT_FOUND", "That claim no longer exists in this team.");

export function claimEventBase(actor: Actor, claimId: string) {
  return { teamId: actor.teamId, claimId, actorId: actor.userId };
}

/**
 * Bumps the revision only if nobody else did first. A stale save is refused with the other
 * editor's change and the claim as it now stands, so no update is silently lost. `also` is
 * written in the same conditional UPDATE (a new state), saving a statement.
 */
export async function claimRevision(tx: Tx, actor: Actor, claimId: string, revision: number, also: { status?: ClaimStatus } = {}) {
  const updated = await tx.claim.updateMany({
    where: { id: claimId, teamId: actor.teamId, revision, deletedAt: null },
    data: { ...also, revision: { increment: 1 } },
  });
  if (updated.count === 1) return;
  const current = await tx.claim.findFirst({
    where: { id: claimId, teamId: actor.teamId },
    select: {
      statement: true, deletedAt: true, status: true, verdict: true,
      events: {
        orderBy: { createdAt: "desc" }, take: 1,
        select: { type: true, toValue: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!current) throw claimNotFound();
  if (current.deletedAt) throw new AppError("CONFLICT", "This claim was deleted meanwhile. Undo the deletion to change it.");
  const last = current.events[0];
  const change = last?.toValue ? ` (now “${truncate(last.toValue, 200)}”)` : "";
  const status = isClaimStatus(current.status) ? claimStatusDisplay[current.status].label : current.status;
  throw new AppError(
    "CONFLICT",
    `${describeLastChange(last)}${change} while you were editing. The claim now reads: “${current.statement}” (state: ${status}). Your change was not saved: reload to see theirs, then apply yours again.`,
  );
}
