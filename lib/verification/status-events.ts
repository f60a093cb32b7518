import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import { claimStatusDisplay } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";

export const statusLabel = (status: string) => claimStatusDisplay[status as ClaimStatus]?.label ?? status;

/** Moves a claim to `to` and says so in its history, inside the caller's transaction; returns the history row. */
export async function writeStatus(tx: Tx, actor: Actor, claim: { id: string; status: string }, to: ClaimStatus, note?: string | null) {
  await tx.claim.update({ where: { id: claim.id }, data: { status: to } });
  return recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "status_changed", from: statusLabel(claim.status), to: statusLabel(to), note });
}
