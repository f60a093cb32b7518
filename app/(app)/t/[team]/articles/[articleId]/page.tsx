import { notFound } from "next/navigation";
import { cache } from "react";
import { Notice } from "@/components/ui/notice";
import { ArticleHeader } from "@/components/workspace/article-header";
import { Workspace } from "@/components/workspace/workspace";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { listMatchMarkers } from "@/lib/claims/matching/queries";
import { compactClaims } from "@/lib/claims/compact-claims";
import { getWorkspace, listDecidedSuggestions } from "@/lib/claims/queries";
import { describeDeletedClaim, describeWorkspaceClaim } from "@/lib/claims/workspace-rows";
import { rankSuggestions } from "@/lib/claims/suggestions";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { listAssignableMembers } from "@/lib/verification/assignment";
import { db } from "@/lib/db";
import { loadClaimTraceSummaries } from "@/lib/sources/map-queries";
import {
  createClaimAction,
  deleteClaimAction,
  dismissSuggestionAction,
  markAnchorReviewedAction,
  mergeClaimsAction,
  moveClaimAction,
  restoreClaimAction,
  splitClaimAction,
  suggestClaimsAction,
  updateClaimAction,
} from "./actions";
import { readClaimStatesAction, readDecidedSuggestionsAction, readWorkspaceRowsAction } from "./live-actions";
import { bulkCiteOutletAction } from "./citation-actions";
import { bulkSignOffAction, bulkUpdateClaimsAction } from "./verification-actions";

/** One read per request, shared by the metadata and the page; after the live cursor. */
const loadWorkspace = cache(async (teamId: string, articleId: string) => {
  await readPageLiveCursor(teamId);
  return getWorkspace(db, teamId, articleId);
});

export async function generateMetadata({ params }: PageProps<"/t/[team]/articles/[articleId]">) {
  const { team: slug, articleId } = await params;
  const { team } = await requirePageTeam(slug);
  const workspace = await loadWorkspace(team.id, articleId);
  return { title: workspace?.article.title ?? "Article" };
}

const actions = {
  createClaim: createClaimAction,
  updateClaim: updateClaimAction,
  deleteClaim: deleteClaimAction,
  restoreClaim: restoreClaimAction,
  splitClaim: splitClaimAction,
  mergeClaims: mergeClaimsAction,
  moveClaim: moveClaimAction,
  suggestClaims: suggestClaimsAction,
  dismissSuggestion: dismissSuggestionAction,
  markAnchorReviewed: markAnchorReviewedAction,
  bulkUpdateClaims: bulkUpdateClaimsAction,
  bulkSignOff: bulkSignOffAction,
  bulkCiteOutlet: bulkCiteOutletAction,
  readClaimStates: readClaimStatesAction,
  readDecidedSuggestions: readDecidedSuggestionsAction,
  readWorkspaceRows: readWorkspaceRowsAction,
};

/** What the import wizard's redirect says happened (`?notice=...`). */
function importNotice(query: Record<string, string | string[] | undefined>) {
  const value = (name: string) => (typeof query[name] === "string" ? query[name] : "");
  switch (value("notice")) {
    case "imported":
      return { tone: "success" as const, text: "Article imported. Select passages to turn them into claims, or let FactDesk suggest some." };
    case "duplicate":
      return { tone: "info" as const, text: `This exact text is already here (version ${value("version")}); nothing was imported twice.` };
    case "new-version":
      return {
        tone: "success" as const,
        text: `Version ${value("version")} imported. Claims re-anchored: ${value("moved") || 0} moved, ${value("changed") || 0} changed, ${value("lost") || 0} lost. Changed and lost claims are flagged in the list.`,
      };
    default:
      return null;
  }
}

export default async function ArticleWorkspacePage({ params, searchParams }: PageProps<"/t/[team]/articles/[articleId]">) {
  const [{ team: slug, articleId }, query] = await Promise.all([params, searchParams]);
  const { team, role, user } = await requirePageTeam(slug);
  const canWrite = can(role, "content:write");
  const liveCursor = await readPageLiveCursor(team.id);
  const workspace = await loadWorkspace(team.id, articleId);
  if (!workspace) notFound();
  const { article, version } = workspace;
  // Once asked for, suggestions are marked in the text on every load (decision 0024).
  const showsSuggestions = canWrite && article.suggestedAt !== null;
  const [traces, members, decided] = await Promise.all([
    // The traces take the claims and the outlet the workspace has read.
    loadClaimTraceSummaries(db, team.id, articleId, { of: "article", rows: workspace.claims }, workspace.article),
    canWrite ? listAssignableMembers(db, team.id) : [],
    showsSuggestions ? listDecidedSuggestions(db, article.id) : [],
  ]);
  const suggestions = showsSuggestions ? rankSuggestions(version.text, workspace.claims, decided) : null;
  const notice = importNotice(query);
  const articleHref = `/t/${team.slug}/articles/${article.id}`;
  return (
    <div className="space-y-4">
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <Workspace
        team={team.slug}
        articleId={article.id}
        versionNumber={version.number}
        text={version.text}
        suggestions={suggestions}
        canWrite={canWrite}
        actions={actions}
        liveCursor={liveCursor}
        matchMarkers={listMatchMarkers(db, team.id, article.id)}
        members={members.map((member) => ({ id: member.id, name: member.name }))}
        userId={user.id}
        outlet={article.outlet}
        // Sent compact (decision 0031): the workspace takes the quotes back from the text.
        claims={compactClaims(workspace.claims.map((claim) => describeWorkspaceClaim(claim, traces.get(claim.id))), version.text)}
        deleted={workspace.deleted.map(describeDeletedClaim)}
        header={
          <ArticleHeader
            title={article.title}
            outlet={article.outlet}
            author={article.author}
            url={article.url}
            publishedAt={article.publishedAt}
            versionNumber={version.number}
            versionCount={article.versionCount}
            importedAt={version.createdAt}
            newVersionHref={canWrite ? `${articleHref}/new-version` : undefined}
            refetchHref={canWrite && (article.url || version.capture) ? `${articleHref}/new-version?refetch=1` : undefined}
            capture={version.capture}
            sourceMapHref={`${articleHref}/sources`}
            reportHref={`/t/${team.slug}/articles/${article.id}/report`}
          />
        }
      />
    </div>
  );
}
