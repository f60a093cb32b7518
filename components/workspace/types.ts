import type { RankedSuggestion } from "@/lib/claims/suggestions";
import type { ActionResult } from "@/lib/auth/action";
import type { BulkCiteOutletResult } from "@/lib/citations/cite-outlet";
import type { BulkSignOffResult } from "@/lib/verification/bulk-sign-off";
import type { ClaimChange, ClaimState } from "@/lib/verification/claim-change";
import type { ChangedClaim } from "./claim-patches";
import type { ClaimStatus } from "@/lib/claims/status";
import type { MatchMarker } from "@/lib/claims/matching/queries";
import type { ListedClaim } from "@/lib/claims/compact-claims";

/** What the workspace needs of a claim: the row the page lists (ListedClaim), and the marker a colleague's change brought. */
export type WorkspaceClaim = ListedClaim & {
  /**
   * Its "checked before" / "repeated" marker as a colleague's change brought it (null: none);
   * absent on the page's own rows, whose markers are streamed (claim-patches.ts, mergeRows).
   */
  marker?: MatchMarker | null;
};

/** A team member who can be given claims. */
export type TeamMember = { id: string; name: string };

/** What a bulk update changes on the ticked claims: the assignee, or the workflow state. */
export type BulkChange = { assigneeId: string | null } | { status: ClaimStatus; note?: string };

export type BulkUpdateResult = { updated: number; skipped: { claimId: string; reason: string }[]; claims: ChangedClaim[] };

/** A claim as shown: with its number in the list (1-based). */
export type NumberedClaim = WorkspaceClaim & { number: number };

export type DeletedClaim = { id: string; statement: string; deletedAt: string };

/**
 * What the workspace reads to take in colleagues' structural changes without loading the page
 * again (lib/claims/workspace-rows.ts): the named claims' rows (none for a deleted one), the
 * article's live claims in list order, its recently deleted claims, and the named live claims'
 * markers (one without a marker has none).
 */
export type WorkspaceRows = { claims: WorkspaceClaim[]; order: string[]; deleted: DeletedClaim[]; markers: Record<string, MatchMarker> };

export type Suggestion = RankedSuggestion;

/** A character range of the article's text, end exclusive. */
export type TextRange = { start: number; end: number };

type Action<Input, Data = unknown> = (input: Input) => Promise<ActionResult<Data> | null>;
type WithTeam<Input> = Input & { team: string };

/** The page's server actions, handed down as props (components never import from app/). */
export type WorkspaceActions = {
  createClaim: Action<WithTeam<{ articleId: string; start: number; end: number; statement?: string; fromSuggestion?: boolean }>, { id: string }>;
  /** This, markAnchorReviewed and bulkUpdateClaims answer with the claims they changed, which the list shows. */
  updateClaim: Action<WithTeam<{ claimId: string; revision: number; statement: string }>, ClaimChange>;
  deleteClaim: Action<WithTeam<{ claimId: string }>>;
  restoreClaim: Action<WithTeam<{ claimId: string }>>;
  splitClaim: Action<WithTeam<{ claimId: string; revision: number; at: number }>, { firstId: string; secondId: string }>;
  mergeClaims: Action<WithTeam<{ claimIds: string[] }>, { id: string }>;
  moveClaim: Action<WithTeam<{ claimId: string; direction: "up" | "down" }>>;
  suggestClaims: Action<WithTeam<{ articleId: string }>, Suggestion[]>;
  dismissSuggestion: Action<WithTeam<{ articleId: string; sentence: string }>>;
  markAnchorReviewed: Action<WithTeam<{ claimId: string; revision: number }>, ClaimChange>;
  bulkUpdateClaims: Action<
    WithTeam<{ articleId: string; claimIds: string[]; assigneeId?: string | null; status?: ClaimStatus; note?: string }>,
    BulkUpdateResult
  >;
  /** Signs off the reviewed claims at the revisions the review showed; refused ones come back with why. */
  bulkSignOff: Action<WithTeam<{ articleId: string; claims: { claimId: string; revision: number }[]; note?: string }>, BulkSignOffResult>;
  /** Cites the article's outlet on each claim (one already citing it is skipped); the page is rendered again. */
  bulkCiteOutlet: Action<WithTeam<{ articleId: string; claimIds: string[] }>, BulkCiteOutletResult>;
  /** The claims as they stand, for patching the list after a colleague's change (the live feed). */
  readClaimStates: Action<WithTeam<{ claimIds: string[] }>, ClaimState[]>;
  /** The claims a colleague's structural or citation change named, as rows, with the list's order (the live feed). */
  /** The article's decided suggested passages, by sentence hash. */
  readDecidedSuggestions: Action<WithTeam<{ articleId: string }>, string[]>;
  readWorkspaceRows: Action<WithTeam<{ articleId: string; claimIds: string[] }>, WorkspaceRows>;
};
