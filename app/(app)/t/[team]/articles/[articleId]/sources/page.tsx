import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LiveRefresh } from "@/components/live/live-refresh";
import { SourceDiagram } from "@/components/sources/source-map/source-diagram";
import { SourceMapHeadline } from "@/components/sources/source-map/source-map-headline";
import { SourceMatrix } from "@/components/sources/source-map/source-matrix";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { buildSourceGraph } from "@/lib/sources/map-graph";
import { getArticleSourceMap } from "@/lib/sources/map-queries";

type Props = { params: Promise<{ team: string; articleId: string }>; searchParams: Promise<{ focus?: string | string[] }> };

/** One read per request, shared by the metadata and the page; after the live cursor. */
const loadSourceMap = cache(async (teamId: string, articleId: string) => {
  await readPageLiveCursor(teamId);
  return getArticleSourceMap(db, teamId, articleId);
});

export async function generateMetadata({ params }: Props) {
  const { team: slug, articleId } = await params;
  const { team } = await requirePageTeam(slug);
  const view = await loadSourceMap(team.id, articleId);
  return { title: view ? `Source map: ${view.article.title}` : "Source map" };
}

/** The article's source map: which claims stand on one origin, and what every source is to each claim. */
export default async function ArticleSourceMapPage({ params, searchParams }: Props) {
  const { team: slug, articleId } = await params;
  const { focus } = await searchParams;
  const { team, user } = await requirePageTeam(slug);
  const liveCursor = await readPageLiveCursor(team.id);
  const view = await loadSourceMap(team.id, articleId);
  if (!view) notFound();
  const workspaceHref = `/t/${team.slug}/articles/${view.article.id}`;
  const graph = buildSourceGraph(view.article.title, view.claims.map((claim) => ({ claimId: claim.id, trace: claim.provenance.trace })));
  return (
    <div className="min-w-0 space-y-6">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href={workspaceHref} className="text-sm text-brand-700 underline underline-offset-2">
            <span aria-hidden="true">← </span>Back to the article
          </Link>
          <LiveRefresh team={team.slug} cursor={liveCursor} userId={user.id} scope={{ page: "source-map", articleId: view.article.id }} />
        </div>
        <h1 className="text-2xl font-semibold text-slate-950">Source map</h1>
        <p className="font-serif text-lg text-slate-700">
          {view.article.title}
          {view.article.outlet ? <span className="font-sans text-sm text-slate-500"> · {view.article.outlet}</span> : null}
        </p>
      </header>
      <SourceMapHeadline claims={view.claims} sources={view.sources} outlet={view.article.outlet} />
      {view.claims.length > 0 ? (
        <>
          <SourceMatrix claims={view.claims} sources={view.sources} claimsHref={`${workspaceHref}/claims`} />
          <SourceDiagram
            graph={graph}
            numberByClaimId={new Map(view.claims.map((claim) => [claim.id, claim.number]))}
            focusId={typeof focus === "string" ? focus : null}
            pageHref={`${workspaceHref}/sources`}
          />
        </>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          This article has no claims yet. Add claims in the article, then cite their sources to see the map.
        </p>
      )}
    </div>
  );
}
