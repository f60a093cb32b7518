import type { Db } from "@/lib/config/prisma-client";
import { recordLiveChange } from "@/lib/live/changes";
import { notifyOfClaimEvent, type NotificationHints } from "@/lib/notifications/create";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Kinds of entries in a claim's history. */
export type ClaimEventType =
  | "created"
  | "edited"
  | "split"
  | "merged"
  | "reordered"
  | "deleted"
  | "restored"
  | "reanchored"
  | "status_changed"
  | "citation_added"
  | "citation_edited"
  | "citation_removed"
  | "citation_captured"
  | "verdict_given"
  | "verdict_signed_off"
  | "sign_off_withdrawn"
  | "verdict_withdrawn"
  | "assigned"
  | "commented";

/** A history row as the claim page lists it; the page names the actor. */
export const historyRowSelect = { id: true, type: true, fromValue: true, toValue: true, note: true, createdAt: true, actorId: true } as const;

/**
 * Appends one history row; called inside the transaction that makes the change. Returns the row,
 * which the change hands back to the page that asked for it (lib/verification/claim-change.ts).
 * The team's open pages learn of it from the live feed (lib/live/changes.ts), and the people it
 * concerns from their notifications (lib/notifications/create.ts: `notify` says what the claim
 * row cannot), both written in the same transaction.
 */
export async function recordClaimEvent(
  tx: Tx,
  event: { teamId: string; claimId: string; actorId: string; type: ClaimEventType; from?: string | null; to?: string | null; note?: string | null; notify?: NotificationHints },
) {
  await recordLiveChange(tx, { teamId: event.teamId, claimId: event.claimId, actorId: event.actorId, kind: event.type });
  await notifyOfClaimEvent(tx, event);
  return tx.claimEvent.create({
    data: {
      teamId: event.teamId,
      claimId: event.claimId,
      actorId: event.actorId,
      type: event.type,
      fromValue: event.from ?? null,
      toValue: event.to ?? null,
      note: event.note ?? null,
    },
    select: historyRowSelect,
  });
}

export type HistoryRow = Awaited<ReturnType<typeof recordClaimEvent>>;
