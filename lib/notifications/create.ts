import { ASSIGNABLE_ROLES } from "@/lib/auth/roles";
import type { ClaimEventType } from "@/lib/claims/events";
import { describeClaimEventType } from "@/lib/claims/history";
import type { Db } from "@/lib/config/prisma-client";
import { recordLiveChange } from "@/lib/live/changes";
import { NOTIFIED } from "@/lib/live/relevance";
import { truncate } from "@/lib/text/truncate";
import type { NotificationKind } from "./kinds";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What a change tells the notifications that the claim row alone cannot (see notifyOfClaimEvent). */
export type NotificationHints = {
  /** Who had judged the claim (gave its verdict, signed it off) before this change cleared or replaced it. */
  judges?: ReadonlyArray<string | null>;
  /** The members a comment mentions, and the comment. */
  mentioned?: readonly string[];
  commentId?: string;
  /** The verdict given awaits a second editor's sign-off: the team's editors and owners are asked. */
  requestsSignOff?: boolean;
  /**
   * The claim's people as the change's transaction leaves them, where the caller read them under
   * the claim's lock: saves reading the claim again here.
   */
  claim?: ClaimPeople;
};

type ClaimPeople = { assigneeId: string | null; verdictById: string | null; signedOffById: string | null };

type ClaimEventInput = {
  teamId: string;
  claimId: string;
  actorId: string;
  type: ClaimEventType;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  notify?: NotificationHints;
};

/** Changes that tell whoever judged the claim that it is no longer what they judged. */
const CHANGES_TO_JUDGED: ReadonlySet<ClaimEventType> = new Set([
  "edited", "split", "merged", "deleted", "restored", "reanchored", "status_changed",
  "citation_added", "citation_edited", "citation_removed", "verdict_given",
]);

/** The kinds of change that can notify anyone; the rest (created, reordered, a capture) notify nobody. */
const NOTIFYING: ReadonlySet<ClaimEventType> = new Set([
  ...CHANGES_TO_JUDGED, "assigned", "verdict_signed_off", "sign_off_withdrawn", "verdict_withdrawn", "commented",
]);

const NOTE_LENGTH = 280;

/**
 * Writes the notifications a claim's change causes, in the change's transaction (called by
 * recordClaimEvent), so one exists exactly when its change committed:
 * - assigned: the new assignee; verdict_signed_off: the verdict's author;
 * - sign_off_withdrawn, verdict_withdrawn: who had judged the claim;
 * - commented: the members the comment mentions; verdict_given awaiting a sign-off: the team's
 *   editors and owners (who can sign off);
 * - any other change to a judged claim (statement, state, citations, a new verdict): who judged it,
 *   once until they read it (claim_changed is not repeated while one for the claim is unread).
 * Never the person who made the change; only members of the team as the transaction reads it; at
 * most one per person per change. Each recipient's open pages learn of it from the live feed (a
 * change only they are handed), and it is marked for mail when they chose its kind.
 */
export async function notifyOfClaimEvent(tx: Tx, event: ClaimEventInput): Promise<void> {
  if (!NOTIFYING.has(event.type)) return;
  const hints = event.notify ?? {};
  if (event.type === "commented" && !hints.mentioned?.length) return;
  const claim = hints.claim ?? (await tx.claim.findFirst({ where: { id: event.claimId, teamId: event.teamId }, select: { assigneeId: true, verdictById: true, signedOffById: true } }));
  if (!claim) return;
  const judges = (hints.judges ?? [claim.verdictById, claim.signedOffById]).filter((id): id is string => Boolean(id));
  const wanted: Array<{ userId: string; kind: NotificationKind }> = [];
  const add = (kind: NotificationKind, userIds: ReadonlyArray<string | null>) => {
    for (const userId of userIds) if (userId) wanted.push({ userId, kind });
  };
  if (event.type === "assigned") add("assigned", [claim.assigneeId]);
  if (event.type === "verdict_signed_off") add("verdict_signed_off", [claim.verdictById]);
  if (event.type === "sign_off_withdrawn") add("sign_off_withdrawn", judges);
  if (event.type === "verdict_withdrawn") add("verdict_withdrawn", judges);
  if (event.type === "commented") add("mentioned", hints.mentioned ?? []);
  if (event.type === "verdict_given" && hints.requestsSignOff) {
    const signers = await tx.membership.findMany({ where: { teamId: event.teamId, role: { in: [...ASSIGNABLE_ROLES] } }, select: { userId: true } });
    add("sign_off_requested", signers.map((member) => member.userId));
  }
  if (CHANGES_TO_JUDGED.has(event.type)) add("claim_changed", judges);

  // One per person, the first (most specific) kind; never the actor.
  const byPerson = new Map<string, NotificationKind>();
  for (const { userId, kind } of wanted) if (userId !== event.actorId && !byPerson.has(userId)) byPerson.set(userId, kind);
  if (byPerson.size === 0) return;
  const members = await tx.membership.findMany({ where: { teamId: event.teamId, userId: { in: [...byPerson.keys()] } }, select: { userId: true } });
  const memberIds = new Set(members.map((member) => member.userId));
  const unreadChanges = await tx.notification.findMany({
    where: { claimId: event.claimId, kind: "claim_changed", readAt: null, userId: { in: [...byPerson.keys()] } },
    select: { userId: true },
  });
  const alreadyTold = new Set(unreadChanges.map((row) => row.userId));
  const recipients = [...byPerson].filter(([userId, kind]) => memberIds.has(userId) && !(kind === "claim_changed" && alreadyTold.has(userId)));
  if (recipients.length === 0) return;
  const preferences = await tx.emailPreference.findMany({ where: { userId: { in: recipients.map(([userId]) => userId) } }, select: { userId: true, kind: true } });
  const mailed = new Set(preferences.map((preference) => `${preference.userId} ${preference.kind}`));
  await tx.notification.createMany({
    data: recipients.map(([userId, kind]) => ({
      teamId: event.teamId,
      userId,
      actorId: event.actorId,
      kind,
      claimId: event.claimId,
      commentId: kind === "mentioned" ? (hints.commentId ?? null) : null,
      note: describeForNotification(event, kind),
      mailPending: mailed.has(`${userId} ${kind}`),
    })),
  });
  for (const [userId] of recipients) {
    await recordLiveChange(tx, { teamId: event.teamId, kind: NOTIFIED, claimId: event.claimId, actorId: event.actorId, recipientId: userId });
  }
}

/**
 * The line under a notification: the comment; the verdict asked about or signed off; the verdict
 * withdrawn and why; what changed; an assignment's reason, if it has one (the assignee is the reader).
 */
function describeForNotification(event: ClaimEventInput, kind: NotificationKind): string | null {
  const text = ((): string | null => {
    switch (kind) {
      case "mentioned":
        return event.note ?? null;
      case "assigned":
        return event.note ?? null;
      case "sign_off_requested":
      case "verdict_signed_off":
        return event.to ?? null;
      case "sign_off_withdrawn":
      case "verdict_withdrawn":
        return [event.from, event.note].filter(Boolean).join(": ") || null;
      case "claim_changed": {
        const what = describeClaimEventType(event.type);
        const detail = event.to ?? event.note ?? event.from;
        return `${what.charAt(0).toUpperCase()}${what.slice(1)}${detail ? `: ${detail}` : ""}`;
      }
    }
  })();
  return text ? truncate(text, NOTE_LENGTH) : null;
}
