import type { ClaimState } from "@/lib/verification/claim-change";
import type { WorkspaceClaim } from "./types";

/** What a change's answer alters of a claim in the list (lib/verification/claim-change.ts). */
export type ClaimPatch = Pick<WorkspaceClaim, "revision" | "statement" | "quote" | "status" | "anchorState" | "previousQuote" | "verdictLabel" | "verdictById" | "isSignedOff" | "assignee" | "assigneeId">;

/** A changed claim as an answer names it: as it now stands, and the revision it was changed on. */
export type ChangedClaim = ClaimState & { since: number };

/**
 * The workspace's claims: the list the server rendered (`seed`: which claims, in which order, with
 * their provenance) and the patches of the changes made in the page since, by claim.
 */
export type WorkspaceClaimsState = { seed: WorkspaceClaim[]; patches: ReadonlyMap<string, ClaimPatch> };

export type WorkspaceClaimsAction =
  /** The page's data arrived again (a refresh, a structural change such as a merge, a navigation). */
  | { type: "seed"; claims: WorkspaceClaim[] }
  /** Changes made in the page answered with the claims they changed. */
  | { type: "change"; claims: readonly ClaimState[] };

export function initWorkspaceClaims(claims: WorkspaceClaim[]): WorkspaceClaimsState {
  return { seed: claims, patches: new Map() };
}

export function workspaceClaimsReducer(state: WorkspaceClaimsState, action: WorkspaceClaimsAction): WorkspaceClaimsState {
  if (action.type === "seed") {
    // A patch stays only while the new list is older than it (rendered before the change committed).
    const revisions = new Map(action.claims.map((claim) => [claim.id, claim.revision]));
    const patches = new Map([...state.patches].filter(([id, patch]) => patch.revision > (revisions.get(id) ?? Number.POSITIVE_INFINITY)));
    return { seed: action.claims, patches };
  }
  const patches = new Map(state.patches);
  for (const claim of action.claims) {
    if (claim.revision >= (patches.get(claim.id)?.revision ?? Number.NEGATIVE_INFINITY)) patches.set(claim.id, toClaimPatch(claim));
  }
  return { ...state, patches };
}

/** The list as shown: each claim with its patch, where the patch is newer than the rendered claim. */
export function applyPatches(claims: WorkspaceClaim[], patches: ReadonlyMap<string, ClaimPatch>): WorkspaceClaim[] {
  if (patches.size === 0) return claims;
  return claims.map((claim) => {
    const patch = patches.get(claim.id);
    return patch && patch.revision > claim.revision ? { ...claim, ...patch } : claim;
  });
}

/**
 * The changed claims whose change was made on a newer revision than the list showed: someone
 * else changed them meanwhile, and the answer does not say what (the page fetches it).
 */
export function findMissedChanges(claims: ReadonlyMap<string, Pick<WorkspaceClaim, "revision">>, changed: readonly ChangedClaim[]): string[] {
  return changed.filter((claim) => claims.has(claim.id) && claims.get(claim.id)!.revision !== claim.since).map((claim) => claim.id);
}

function toClaimPatch(claim: ClaimState): ClaimPatch {
  const { revision, statement, quote, status, anchorState, previousQuote, verdictLabel, assignee } = claim;
  return {
    revision, statement, quote, status, anchorState, previousQuote, verdictLabel,
    verdictById: claim.verdictBy?.id ?? null, isSignedOff: claim.signedOffBy !== null,
    assignee: assignee?.name ?? null, assigneeId: assignee?.id ?? null,
  };
}
