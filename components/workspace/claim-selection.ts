import { CLAIM_STATUSES, claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";
import type { TeamMember, WorkspaceClaim } from "./types";

/**
 * A way to tick claims at once in the workspace (issue 14): by workflow state, by assignee (the
 * editor themself, nobody, or a named colleague), or "awaiting sign-off": a verdict no sign-off
 * covers, given by someone else (one's own verdict needs a second editor).
 */
export type ClaimFilter =
  | { kind: "awaiting-sign-off" }
  | { kind: "mine" }
  | { kind: "unassigned" }
  | { kind: "assignee"; userId: string }
  | { kind: "status"; status: string };

type FilterableClaim = Pick<WorkspaceClaim, "id" | "status" | "verdictLabel" | "verdictById" | "isSignedOff" | "assigneeId">;

/** True when the claim has a verdict that no sign-off covers and that `userId` did not give. */
export function isAwaitingSignOff(claim: FilterableClaim, userId: string): boolean {
  return Boolean(claim.verdictLabel) && !claim.isSignedOff && claim.verdictById !== userId;
}

export function matchesFilter(claim: FilterableClaim, filter: ClaimFilter, userId: string): boolean {
  switch (filter.kind) {
    case "awaiting-sign-off":
      return isAwaitingSignOff(claim, userId);
    case "mine":
      return claim.assigneeId === userId;
    case "unassigned":
      return !claim.assigneeId;
    case "assignee":
      return claim.assigneeId === filter.userId;
    case "status":
      return claim.status === filter.status;
  }
}

/** The ids of the claims the filter matches, in list order. */
export function selectByFilter(claims: readonly FilterableClaim[], filter: ClaimFilter, userId: string): string[] {
  return claims.filter((claim) => matchesFilter(claim, filter, userId)).map((claim) => claim.id);
}

/** Filters as the select offers them: a value for the `<option>` and the words for it. */
export function listFilterChoices(members: readonly TeamMember[], userId: string): { value: string; label: string; filter: ClaimFilter }[] {
  return [
    { value: "awaiting-sign-off", label: "Awaiting my sign-off", filter: { kind: "awaiting-sign-off" } },
    { value: "mine", label: "Assigned to me", filter: { kind: "mine" } },
    { value: "unassigned", label: "Unassigned", filter: { kind: "unassigned" } },
    ...members
      .filter((member) => member.id !== userId)
      .map((member) => ({ value: `assignee:${member.id}`, label: `Assigned to ${member.name}`, filter: { kind: "assignee", userId: member.id } as ClaimFilter })),
    ...CLAIM_STATUSES.map((status) => ({ value: `status:${status}`, label: `State: ${claimStatusDisplay[status].label}`, filter: { kind: "status", status } as ClaimFilter })),
  ];
}

/** "awaiting your sign-off", "assigned to Ben Okafor", "in state In progress": for "3 claims … selected". */
export function describeFilter(filter: ClaimFilter, members: readonly TeamMember[]): string {
  switch (filter.kind) {
    case "awaiting-sign-off":
      return "awaiting your sign-off";
    case "mine":
      return "assigned to you";
    case "unassigned":
      return "unassigned";
    case "assignee":
      return `assigned to ${members.find((member) => member.id === filter.userId)?.name ?? "that person"}`;
    case "status":
      return `in state ${isClaimStatus(filter.status) ? claimStatusDisplay[filter.status].label : filter.status}`;
  }
}
