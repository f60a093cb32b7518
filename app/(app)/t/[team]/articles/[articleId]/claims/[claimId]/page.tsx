import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { ClaimPage } from "@/components/claim/claim-page";
import { toDateInput } from "@/components/claim/format-history";
import type { ClaimActions } from "@/components/claim/types";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { getClaimDetail } from "@/lib/verification/queries";
import { captureCitationAction } from "../../../../captures/actions";
import { searchSourcesAction } from "../../../../sources/actions";
import { addCitationAction, citeArticleOutletAction, removeCitationAction, reuseCitationsAction, updateCitationAction } from "../../citation-actions";
import { CheckedBefore } from "./checked-before";
import {
  addCommentAction,
  assignClaimAction,
  giveVerdictAction,
  setClaimStatusAction,
  signOffVerdictAction,
  withdrawVerdictAction,
} from "../../verification-actions";

type Params = { params: Promise<{ team: string; articleId: string; claimId: string }> };

/** One read per request, shared by the metadata and the page; after the live cursor. */
const loadClaim = cache(async (teamId: string, claimId: string) => {
  await readPageLiveCursor(teamId);
  return getClaimDetail(db, teamId, claimId);
});

const actions: ClaimActions = {
  setStatus: setClaimStatusAction,
  giveVerdict: giveVerdictAction,
  signOffVerdict: signOffVerdictAction,
  withdrawVerdict: withdrawVerdictAction,
  assignClaim: assignClaimAction,
  addComment: addCommentAction,
  addCitation: addCitationAction,
  updateCitation: updateCitationAction,
  removeCitation: removeCitationAction,
  citeArticleOutlet: citeArticleOutletAction,
  reuseCitations: reuseCitationsAction,
  searchSources: searchSourcesAction,
  captureCitation: captureCitationAction,
};

export async function generateMetadata({ params }: Params) {
  const { team: slug, articleId, claimId } = await params;
  const { team } = await requirePageTeam(slug);
  const detail = await loadClaim(team.id, claimId);
  if (!detail || detail.claim.articleId !== articleId) return { title: "Claim" };
  return { title: `${detail.number ? `Claim ${detail.number}` : "Deleted claim"} · ${detail.claim.article.title}` };
}

export default async function ClaimDetailPage({ params }: Params) {
  const { team: slug, articleId, claimId } = await params;
  const { team, role, user } = await requirePageTeam(slug);
  const detail = await loadClaim(team.id, claimId);
  if (!detail || detail.claim.articleId !== articleId) notFound();
  return (
    <ClaimPage
      team={team.slug}
      userId={user.id}
      canWrite={can(role, "content:write")}
      today={toDateInput(new Date())}
      detail={detail}
      actions={actions}
      liveCursor={await readPageLiveCursor(team.id)}
      checkedBefore={
        <Suspense fallback={null}>
          <CheckedBefore teamId={team.id} claimId={claimId} articleHref={`/t/${team.slug}/articles/${articleId}`} labels={detail.settings.labels} />
        </Suspense>
      }
    />
  );
}
