import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase, claimNotFound } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import { claimStatusDisplay } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";
import type { Db } from "@/lib/config/prisma-client";
import { lockMembership, lockRows } from "@/lib/config/row-locks";
import { ASSIGNABLE_ROLES } from "@/lib/auth/roles";
import { compareNames } from "@/lib/search/text-match";
import { AppError } from "@/lib/errors";
import { describeClaimChange, readClaimStates, type ClaimState } from "./claim-change";
import type { BulkUpdateInput } from "./schema";
import { getVerificationSettings } from "./settings";
import { findFinalVerdicts } from "./sign-off";
import { checkTransition } from "./status";

/**
 * The assignee must be a member of the team who can work on claims (not a viewer); returns their
 * name for the history. Their membership stays locked until the transaction ends, so a role change
 * made meanwhile waits and then finds the assignment to undo (unassignMember).
 */
async function findAssignee(tx: Tx, teamId: string, assigneeId: string | null) {
  if (!assigneeId) return null;
  const member = await lockMembership(tx, teamId, assigneeId);
  if (!member) throw new AppError("INVALID_INPUT", "Claims can only be assigned to members of this team.", { assigneeId: ["Choose a team member"] });
  if (!ASSIGNABLE_ROLES.includes(member.role)) {
    const message = `${member.user.name} is a viewer and cannot work on claims. Choose an editor or an owner, or ask an owner to change their role first.`;
    throw new AppError("INVALID_INPUT", message, { assigneeId: [message] });
  }
  return member.user;
}

/** The members a claim can be assigned to (owners and editors), by name. */
export async function listAssignableMembers(db: Db, teamId: string) {
  const memberships = await db.membership.findMany({
    where: { teamId, role: { in: [...ASSIGNABLE_ROLES] } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  return memberships.map(({ role, user }) => ({ ...user, role })).sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Unassigns a member's claims in the team when they can no longer work on them (made a viewer,
 * removed, or leaving), each recorded in the claim's history with the reason. Call it after the
 * membership was changed or deleted in the same transaction: an assignment to them that was under
 * way has committed by then (it held their membership, lockMembership), and later ones are refused.
 */
export async function unassignMember(tx: Tx, input: { teamId: string; userId: string; actorId: string; reason: string }) {
  const where = { teamId: input.teamId, assigneeId: input.userId };
  const assigned = await tx.claim.findMany({ where, select: { id: true } });
  if (assigned.length === 0) return 0;
  await lockRows(tx, "Claim", assigned.map((claim) => claim.id));
  const claims = await tx.claim.findMany({ where, select: { id: true, assignee: { select: { name: true } } } });
  for (const claim of claims) {
    await tx.claim.update({ where: { id: claim.id }, data: { assigneeId: null, revision: { increment: 1 } } });
    const base = claimEventBase({ teamId: input.teamId, userId: input.actorId }, claim.id);
    await recordClaimEvent(tx, { ...base, type: "assigned", from: claim.assignee?.name ?? "Unassigned", to: "Unassigned", note: input.reason });
  }
  return claims.length;
}

/**
 * Assignment is not a conflict-prone edit: the latest choice stands, and each is recorded. The
 * answer's `since` is the revision the choice was made on (claim-change.ts).
 */
export async function assignClaim(db: Db, actor: Actor, input: { claimId: string; assigneeId: string | null }) {
  return db.$transaction(async (tx) => {
    // The assignee's membership first, then the claim (docs/decisions/0013: Membership before Claim).
    const assignee = await findAssignee(tx, actor.teamId, input.assigneeId);
    // Locked, so the history's "from" is the assignee this change replaced.
    await lockRows(tx, "Claim", [input.claimId]);
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, teamId: actor.teamId, deletedAt: null },
      select: { id: true, revision: true, assigneeId: true, assignee: { select: { name: true } } },
    });
    if (!claim) throw claimNotFound();
    if (claim.assigneeId === input.assigneeId) return describeClaimChange(tx, actor, claim.id, { since: claim.revision });
    await tx.claim.update({ where: { id: claim.id }, data: { assigneeId: input.assigneeId, revision: { increment: 1 } } });
    const event = await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "assigned", from: claim.assignee?.name ?? "Unassigned", to: assignee?.name ?? "Unassigned" });
    return describeClaimChange(tx, actor, claim.id, { since: claim.revision, events: [event] });
  });
}

/**
 * `claims`: the changed claims as they now stand, each with `since`, the revision it was changed
 * on, for the workspace to apply (claim-change.ts).
 */
export type BulkResult = { updated: number; skipped: { claimId: string; reason: string }[]; claims: Array<ClaimState & { since: number }> };

/**
 * Assigns and/or moves a selection of one article's claims in one transaction. A claim whose
 * move the workflow refuses (e.g. "Done" without a final verdict) is skipped with the reason;
 * the rest are changed. The claims are locked before their verdicts are read, so none is moved
 * to "Done" on a sign-off that a change at the same moment withdraws.
 */
export async function bulkUpdateClaims(db: Db, actor: Actor, input: BulkUpdateInput): Promise<BulkResult> {
  return db.$transaction(async (tx) => {
    const assignee = input.assigneeId === undefined ? undefined : await findAssignee(tx, actor.teamId, input.assigneeId);
    await lockRows(tx, "Claim", input.claimIds);
    const claims = await tx.claim.findMany({
      where: { id: { in: input.claimIds }, teamId: actor.teamId, articleId: input.articleId, deletedAt: null },
      select: {
        id: true, revision: true, status: true, assigneeId: true, statement: true, quote: true, verdict: true, rationale: true,
        verdictById: true, signedOffById: true, signedOffDigest: true, assignee: { select: { name: true } },
      },
    });
    if (claims.length === 0) throw claimNotFound();
    const { rules } = await getVerificationSettings(tx, actor.teamId);
    const finalVerdicts = input.status === "done" ? await findFinalVerdicts(tx, rules, claims) : new Set<string>();
    const found = new Set(claims.map((claim) => claim.id));
    const skipped = input.claimIds.filter((id) => !found.has(id)).map((claimId) => ({ claimId, reason: "No longer exists in this article." }));
    const since = new Map<string, number>();
    for (const claim of claims) {
      const data: { assigneeId?: string | null; status?: ClaimStatus } = {};
      if (assignee !== undefined && claim.assigneeId !== (assignee?.id ?? null)) data.assigneeId = assignee?.id ?? null;
      if (input.status && claim.status !== input.status) {
        const check = checkTransition({ from: claim.status as ClaimStatus, to: input.status, hasFinalVerdict: finalVerdicts.has(claim.id), note: input.note });
        if (check.ok) data.status = input.status;
        else skipped.push({ claimId: claim.id, reason: check.problems.join(" ") });
      }
      if (Object.keys(data).length === 0) continue;
      await tx.claim.update({ where: { id: claim.id }, data: { ...data, revision: { increment: 1 } } });
      const base = claimEventBase(actor, claim.id);
      if (data.assigneeId !== undefined) {
        await recordClaimEvent(tx, { ...base, type: "assigned", from: claim.assignee?.name ?? "Unassigned", to: assignee?.name ?? "Unassigned", note: "Bulk action" });
      }
      if (data.status) {
        const label = (status: string) => claimStatusDisplay[status as ClaimStatus]?.label ?? status;
        await recordClaimEvent(tx, { ...base, type: "status_changed", from: label(claim.status), to: label(data.status), note: input.note ?? "Bulk action" });
      }
      since.set(claim.id, claim.revision);
    }
    const changed = await readClaimStates(tx, actor.teamId, [...since.keys()]);
    return { updated: since.size, skipped, claims: changed.map((claim) => ({ ...claim, since: since.get(claim.id)! })) };
  });
}
