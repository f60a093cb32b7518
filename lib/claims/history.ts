import type { ClaimEventType } from "./events";

/** What a history row says happened, in editors' words ("changed the status"). */
const eventVerbs: Record<ClaimEventType, string> = {
  created: "added the claim",
  edited: "edited the statement",
  split: "split the claim",
  merged: "merged claims",
  reordered: "reordered the claim",
  deleted: "deleted the claim",
  restored: "restored the claim",
  reanchored: "reviewed the re-anchored passage",
  status_changed: "changed the state",
  citation_added: "added a citation",
  citation_edited: "edited a citation",
  citation_removed: "removed a citation",
  citation_captured: "captured a cited page",
  verdict_given: "gave a verdict",
  verdict_signed_off: "signed off the verdict",
  sign_off_withdrawn: "withdrew the sign-off",
  verdict_withdrawn: "withdrew the verdict",
  assigned: "changed the assignee",
  commented: "commented",
};

export function describeClaimEventType(type: string): string {
  return eventVerbs[type as ClaimEventType] ?? type.replaceAll("_", " ");
}

/** "Ana Reyes changed the state at 10:02 UTC": used where a stale save is refused. */
export function describeLastChange(event: { type: string; createdAt: Date; actor: { name: string } } | undefined): string {
  if (!event) return "Someone changed it";
  return `${event.actor.name} ${describeClaimEventType(event.type)} at ${event.createdAt.toISOString().slice(11, 16)} UTC`;
}

/** The history's order, newest first, as the claim page lists it (rows of one instant by id). */
export function compareNewestFirst(a: { id: string; createdAt: Date }, b: { id: string; createdAt: Date }): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
