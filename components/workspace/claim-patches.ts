import type { ClaimState } from "@/lib/verification/claim-change";
import type { DeletedClaim, WorkspaceClaim, WorkspaceRows } from "./types";

/** What a change's answer alters of a claim in the list (lib/verification/claim-change.ts). */
export type ClaimPatch = Pick<WorkspaceClaim, "revision" | "statement" | "quote" | "status" | "anchorState" | "previousQuote" | "verdictLabel" | "verdictById" | "isSignedOff" | "assignee" | "assigneeId">;

/** A changed claim as an answer names it: as it now stands, and the revision it was changed on. */
export type ChangedClaim = ClaimState & { since: number };

/**
 * The workspace's claims: the list the server rendered (`served`), the list as it stands
 * (`seed`: which claims, in which order, with their provenance: the served one, or one rebuilt
 * from colleagues' changes since), the recently deleted claims, and the patches of the changes
 * made in the page since, by claim.
 */
export type WorkspaceClaimsState = {
  served: WorkspaceClaim[];
  seed: WorkspaceClaim[];
  deleted: DeletedClaim[];
  patches: ReadonlyMap<string, ClaimPatch>;
};

export type WorkspaceClaimsAction =
  /** The page's data arrived again (a refresh, a structural change of the page's own, a navigation). */
  | { type: "seed"; claims: WorkspaceClaim[]; deleted?: DeletedClaim[] }
  /** Changes made in the page answered with the claims they changed. */
  | { type: "change"; claims: readonly ClaimState[] }
  /** A colleague's claims added, split, merged, deleted, restored, moved or re-cited: their rows and the list's order. */
  | { type: "rows"; rows: WorkspaceRows };

export function initWorkspaceClaims(claims: WorkspaceClaim[], deleted: DeletedClaim[] = []): WorkspaceClaimsState {
  return { served: claims, seed: claims, deleted, patches: new Map() };
}

export function workspaceClaimsReducer(state: WorkspaceClaimsState, action: WorkspaceClaimsAction): WorkspaceClaimsState {
  if (action.type === "seed") {
    return { served: action.claims, seed: action.claims, deleted: action.deleted ?? state.deleted, patches: keepNewerPatches(state.patches, action.claims) };
  }
  if (action.type === "rows") {
    const seed = mergeRows(state.seed, action.rows).claims;
    return { ...state, seed, deleted: action.rows.deleted, patches: keepNewerPatches(state.patches, seed) };
  }
  const patches = new Map(state.patches);
  for (const claim of action.claims) {
    if (claim.revision >= (patches.get(claim.id)?.revision ?? Number.NEGATIVE_INFINITY)) patches.set(claim.id, toClaimPatch(claim));
  }
  return { ...state, patches };
}

/** A patch stays only while the list is older than it (read before the change committed). */
function keepNewerPatches(patches: ReadonlyMap<string, ClaimPatch>, claims: readonly WorkspaceClaim[]): ReadonlyMap<string, ClaimPatch> {
  if (patches.size === 0) return patches;
  const revisions = new Map(claims.map((claim) => [claim.id, claim.revision]));
  return new Map([...patches].filter(([id, patch]) => patch.revision > (revisions.get(id) ?? Number.POSITIVE_INFINITY)));
}

/**
 * The list after colleagues' structural changes, from the read action's answer
 * (readWorkspaceRows): the claims in the answer's order, each answered claim's row as answered
 * (a row the list holds at a newer revision stays: the answer was read before that change), the
 * others as the list had them (the same objects, so their rows do not render again), and claims
 * no longer in the order gone. An answered row carries its marker as answered (none: null),
 * which the page's streamed markers no longer decide; a claim gone takes its marker with it.
 * `missing`: claims in the order that neither the list nor the answer has (added by a change the
 * answer did not name yet): left out until they are read.
 */
export function mergeRows(claims: readonly WorkspaceClaim[], rows: WorkspaceRows): { claims: WorkspaceClaim[]; missing: string[] } {
  const held = new Map(claims.map((claim) => [claim.id, claim]));
  const answered = new Map(rows.claims.map((claim) => [claim.id, { ...claim, marker: rows.markers[claim.id] ?? null }]));
  const merged: WorkspaceClaim[] = [];
  const missing: string[] = [];
  for (const id of rows.order) {
    const [before, after] = [held.get(id), answered.get(id)];
    const row = before && after ? (before.revision > after.revision ? before : after) : (after ?? before);
    if (row) merged.push(row);
    else missing.push(id);
  }
  return { claims: merged, missing };
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
