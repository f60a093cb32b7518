import type { LiveChange } from "./changes";

/** Kinds of change that alter what a claim's state says (lib/verification/claim-change.ts): a list patches these. */
export const STATE_CHANGES: ReadonlySet<string> = new Set(["edited", "status_changed", "verdict_given", "verdict_signed_off", "sign_off_withdrawn", "verdict_withdrawn", "assigned"]);

/** A claim's statement edited: a state change, and one that can change its "checked before" marker. */
export const STATEMENT_EDITED = "edited";

/** Kinds of change that alter which claims a list holds, or their order or places in the text. */
export const STRUCTURAL_CHANGES: ReadonlySet<string> = new Set(["created", "split", "merged", "reordered", "deleted", "restored", "reanchored"]);

/** Kinds of change that alter a claim's sources (and so its provenance). */
export const CITATION_CHANGES: ReadonlySet<string> = new Set(["citation_added", "citation_edited", "citation_removed", "citation_captured"]);

/** Kinds of change that alter an article's claim counts by status: a status, or which claims there are. */
const COUNT_CHANGES: ReadonlySet<string> = new Set(["status_changed", "created", "split", "merged", "deleted", "restored"]);

/** Kinds of change to a verdict or its sign-off: they move a claim into or out of "waiting for sign-off". */
const SIGN_OFF_CHANGES: ReadonlySet<string> = new Set(["verdict_given", "verdict_signed_off", "sign_off_withdrawn", "verdict_withdrawn"]);

/** An article imported, or a new version of one (its title or outlet may have changed): lib/articles/mutations.ts. */
export const ARTICLE_IMPORTED = "article_imported";

/**
 * A suggested passage dismissed on an article (lib/claims/suggestions.ts): a workspace showing
 * suggestions reads the article's decided passages again. An accepted one needs no kind of its
 * own: the claim it makes ("created") covers it.
 */
export const SUGGESTION_DISMISSED = "suggestion_dismissed";

/** A notification for the one person the feed hands it to (lib/notifications/create.ts). */
export const NOTIFIED = "notified";

/** A source in the registry renamed or re-described (lib/sources/mutations.ts): no claim or article of its own. */
export const SOURCE_UPDATED = "source_updated";

/**
 * What a lighter page shows, as far as colleagues' changes go: enough to tell from a change in
 * the feed (its kind, claim, article) whether the page would look different after it. Sent from
 * the server page to its client part, so plain data.
 */
export type LiveScope =
  /** The article list: the articles it shows; `mayGainArticles` when a change elsewhere can add one (a progress filter). */
  | { page: "articles"; articleIds: readonly string[]; mayGainArticles: boolean }
  /** My claims of `personId`: the claims it lists; `listsSignOffs` when it also lists the team's verdicts awaiting a sign-off. */
  | { page: "my-claims"; personId: string; claimIds: readonly string[]; listsSignOffs: boolean }
  /** An article's source map: its claims, their statements, states, verdicts and citations, and their sources' names and kinds. */
  | { page: "source-map"; articleId: string };

/**
 * Whether a change may alter what the page shows (then it fetches its data again). Errs towards
 * yes where the feed cannot tell. An assignment does not say to whom; but a colleague's
 * assignment to me comes with a notification of mine in the same transaction (lib/notifications,
 * "notified", handed to me alone), so My claims takes that, and the assignments I made myself
 * (in another tab), and not every assignment in the team.
 */
export function isChangeShown(scope: LiveScope, change: Pick<LiveChange, "kind" | "articleId" | "claimId" | "actorId" | "recipientId">): boolean {
  switch (scope.page) {
    case "articles":
      if (change.kind === ARTICLE_IMPORTED) return true;
      if (!COUNT_CHANGES.has(change.kind)) return false;
      return scope.mayGainArticles || (change.articleId !== null && scope.articleIds.includes(change.articleId));
    case "my-claims": {
      const isListed = change.claimId !== null && scope.claimIds.includes(change.claimId);
      if (isListed) return STATE_CHANGES.has(change.kind) || STRUCTURAL_CHANGES.has(change.kind) || CITATION_CHANGES.has(change.kind);
      // A claim not listed comes in when it is assigned to me, brought back, or (with sign-offs) given a verdict.
      const isAssignedToMe = (change.kind === NOTIFIED && change.recipientId === scope.personId) || (change.kind === "assigned" && change.actorId === scope.personId);
      return isAssignedToMe || change.kind === "restored" || change.kind === "merged" || (scope.listsSignOffs && SIGN_OFF_CHANGES.has(change.kind));
    }
    case "source-map":
      if (change.kind === SOURCE_UPDATED) return true;
      if (change.articleId !== scope.articleId || change.kind === "assigned") return false;
      return STATE_CHANGES.has(change.kind) || STRUCTURAL_CHANGES.has(change.kind) || CITATION_CHANGES.has(change.kind);
  }
}
