import { claimStatusDisplay } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";
import { toCheckResult } from "./check-result";
import type { CheckResult } from "./check-result";

type Direction = "forward" | "back";

/**
 * The workflow (statuses live in lib/claims/status.ts). Forward moves follow the
 * work; moving back is allowed but needs a note, so the history says why a
 * finished check was reopened. "Done" needs a final verdict.
 */
const TRANSITIONS: Record<ClaimStatus, Partial<Record<ClaimStatus, Direction>>> = {
  unchecked: { in_progress: "forward" },
  in_progress: { needs_review: "forward", done: "forward", unchecked: "back" },
  needs_review: { done: "forward", in_progress: "back" },
  done: { needs_review: "back", in_progress: "back" },
};

/** The statuses a claim may move to from `from`, forward moves first. */
export function listNextStatuses(from: ClaimStatus): ClaimStatus[] {
  const moves = Object.entries(TRANSITIONS[from]) as [ClaimStatus, Direction][];
  return moves.sort(([, a], [, b]) => (a === b ? 0 : a === "forward" ? -1 : 1)).map(([status]) => status);
}

/** True when the move goes back in the workflow (and so needs a note). */
export function isBackwardMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from][to] === "back";
}

export type TransitionInput = {
  from: ClaimStatus;
  to: ClaimStatus;
  /** A verdict is given and, where the team requires it, signed off. */
  hasFinalVerdict: boolean;
  note?: string | null;
};

export function checkTransition({ from, to, hasFinalVerdict, note }: TransitionInput): CheckResult {
  const fromLabel = claimStatusDisplay[from].label;
  const toLabel = claimStatusDisplay[to].label;
  if (from === to) return toCheckResult([`The claim is already ‘${toLabel}’.`]);
  const direction = TRANSITIONS[from][to];
  if (!direction) {
    const allowed = listNextStatuses(from).map((status) => `‘${claimStatusDisplay[status].label}’`);
    return toCheckResult([`A claim cannot go from ‘${fromLabel}’ to ‘${toLabel}’; from here it can go to ${allowed.join(" or ")}.`]);
  }
  const problems: string[] = [];
  if (to === "done" && !hasFinalVerdict) {
    problems.push("A claim can be marked ‘Done’ only once it has a final verdict (given and, where your team requires it, signed off).");
  }
  if (direction === "back" && !note?.trim()) {
    problems.push(`Moving a claim back from ‘${fromLabel}’ to ‘${toLabel}’ needs a note saying why.`);
  }
  return toCheckResult(problems);
}
