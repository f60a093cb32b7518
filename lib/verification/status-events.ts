import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import { claimStatusDisplay } from "@/lib/claims/status";
import type { NotificationHints } from "@/lib/notifications/create";
import type { ClaimStatus } from "@/lib/claims/status";

export const statusLabel = (status: string) => claimStatusDisplay[status as ClaimStatus]?.label ?? status;

/** Moves a claim to `to` and says so in its history, inside the caller's transaction; returns the history row. */
export async function writeStatus(tx: Tx, actor: Actor, claim: { id: string; status: string }, to: ClaimStatus, note?: string | null) {
  await tx.claim.update({ where: { id: claim.id }, data: { status: to }, select: { id: true } });
  return recordStatusChange(tx, actor, claim, to, { note });
}

/**
 * The history row (with its live feed row and notifications) of a move the caller wrote itself
 * (setClaimStatus writes the state in its revision check's UPDATE). `notify` passes on what
 * recordClaimEvent's notifications would otherwise read of the claim.
 */
export function recordStatusChange(tx: Tx, actor: Actor, claim: { id: string; status: string }, to: ClaimStatus, options: { note?: string | null; notify?: NotificationHints }) {
  return recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "status_changed", from: statusLabel(claim.status), to: statusLabel(to), note: options.note, notify: options.notify });
}
