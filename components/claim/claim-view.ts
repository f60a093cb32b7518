import { compareNewestFirst } from "@/lib/claims/history";
import type { ClaimChange } from "@/lib/verification/claim-change";
import type { ClaimView } from "./types";

/**
 * The claim page's data: what the server rendered (`seed`), and `view`, that with the answers of
 * the changes made on the page since (lib/verification/claim-change.ts) applied.
 */
export type ClaimViewState = { seed: ClaimView; view: ClaimView };

export type ClaimViewAction =
  /** The page's data arrived again: a refresh, or a navigation (to this claim or another). */
  | { type: "seed"; detail: ClaimView }
  /** A change made on the page answered with what it did. */
  | { type: "change"; change: ClaimChange };

export function initClaimView(detail: ClaimView): ClaimViewState {
  return { seed: detail, view: detail };
}

export function claimViewReducer(state: ClaimViewState, action: ClaimViewAction): ClaimViewState {
  if (action.type === "change") return { ...state, view: applyClaimChange(state.view, action.change) };
  return { seed: action.detail, view: rebaseClaimView(action.detail, state.view) };
}

/**
 * True when the page showed an older revision than the one the change was made on: someone
 * else changed the claim meanwhile, and the answer does not say what (the page fetches it).
 */
export function hasMissedChanges(view: ClaimView, change: ClaimChange): boolean {
  return change.claim.id === view.claim.id && change.since !== view.claim.revision;
}

/** The claim's fields as the answer has them, its history and comments with the new rows added. */
export function applyClaimChange(view: ClaimView, change: ClaimChange): ClaimView {
  if (change.claim.id !== view.claim.id) return view;
  return {
    ...view,
    claim: change.claim.revision >= view.claim.revision ? { ...view.claim, ...pickJudgement(change.claim) } : view.claim,
    events: mergeById(view.events, change.events).sort(compareNewestFirst),
    comments: mergeById(view.comments, change.comments).sort(compareOldestFirst),
  };
}

/**
 * The page's data when it arrives again, with what the page applied since and the data does not
 * have yet (it may have been rendered before the last change committed): the claim at the
 * higher revision, and every history row and comment of either (they are never edited).
 */
export function rebaseClaimView(seed: ClaimView, applied: ClaimView): ClaimView {
  if (seed.claim.id !== applied.claim.id) return seed;
  return {
    ...seed,
    claim: applied.claim.revision > seed.claim.revision ? { ...seed.claim, ...pickJudgement(applied.claim) } : seed.claim,
    events: mergeById(seed.events, applied.events).sort(compareNewestFirst),
    comments: mergeById(seed.comments, applied.comments).sort(compareOldestFirst),
  };
}

type JudgementField = "revision" | "statement" | "quote" | "status" | "anchorState" | "verdict" | "rationale" | "verdictAt" | "verdictBy" | "signedOffBy" | "signedOffAt" | "assignee";

/** What a change can alter of the claim as the page shows it (and an answer carries). */
function pickJudgement(claim: Pick<ClaimView["claim"], JudgementField>): Pick<ClaimView["claim"], JudgementField> {
  const { revision, statement, quote, status, anchorState, verdict, rationale, verdictAt, verdictBy, signedOffBy, signedOffAt, assignee } = claim;
  return { revision, statement, quote, status, anchorState, verdict, rationale, verdictAt, verdictBy, signedOffBy, signedOffAt, assignee };
}

function mergeById<Row extends { id: string }>(rows: readonly Row[], added: readonly Row[]): Row[] {
  const known = new Set(rows.map((row) => row.id));
  return [...rows, ...added.filter((row) => !known.has(row.id))];
}

function compareOldestFirst(a: { id: string; createdAt: Date }, b: { id: string; createdAt: Date }) {
  return compareNewestFirst(b, a);
}

/** True for an action's data that is a change's answer (the page applies it rather than reloading). */
export function isClaimChange(data: unknown): data is ClaimChange {
  return typeof data === "object" && data !== null && "claim" in data && "since" in data && "events" in data && "comments" in data;
}
