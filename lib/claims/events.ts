import type { Db } from "@/lib/config/prisma-client";

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

/** Appends one history row; called inside the transaction that makes the change. */
export async function recordClaimEvent(
  tx: Pick<Tx, "claimEvent">,
  event: { teamId: string; claimId: string; actorId: string; type: ClaimEventType; from?: string | null; to?: string | null; note?: string | null },
) {
  await tx.claimEvent.create({
    data: {
      teamId: event.teamId,
      claimId: event.claimId,
      actorId: event.actorId,
      type: event.type,
      fromValue: event.from ?? null,
      toValue: event.to ?? null,
      note: event.note ?? null,
    },
  });
}
