import { chainCitationSelect, chainSourceSelect } from "@/lib/citations/chain-input";
import type { Db } from "@/lib/config/prisma-client";
import type { ReportData } from "./data";

const claimSelect = {
  id: true, quote: true, statement: true, anchorState: true, status: true,
  verdict: true, rationale: true, verdictById: true, verdictAt: true, signedOffById: true, signedOffAt: true, signedOffDigest: true, assigneeId: true,
} as const;

const citationSelect = { ...chainCitationSelect, accessedAt: true, archiveUrl: true, note: true, captureState: true, capturedAt: true } as const;

/**
 * Everything a verification report shows, in a fixed number of queries whatever the number of
 * claims: the article (latest version) and the team's settings; the live claims, their live
 * citations with sources and captures, history and comments; then the people named. Rows are
 * read flat and joined here: for 500 claims, Prisma's nested relations cost several times more.
 * History and comments are skipped when left out. Null for another team's article.
 */
export async function loadReportData(
  db: Db,
  teamId: string,
  articleId: string,
  include: { history?: boolean; comments?: boolean } = {},
): Promise<ReportData | null> {
  const [article, team] = await Promise.all([
    db.article.findFirst({
      where: { id: articleId, teamId },
      select: {
        id: true, title: true, outlet: true, author: true, url: true, publishedAt: true, createdAt: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, createdAt: true, contentHash: true, source: true, createdBy: { select: { name: true } } } },
        _count: { select: { versions: true } },
      },
    }),
    db.team.findUnique({ where: { id: teamId }, select: { name: true, slug: true, verdictLabels: true, verificationRules: true } }),
  ]);
  const version = article?.versions[0];
  if (!article || !version || !team) return null;
  const liveClaim = { articleId, teamId, deletedAt: null };
  const byAge = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const liveCitation = { teamId, deletedAt: null, claim: liveClaim };
  const [claims, citations, sources, captures, events, comments] = await Promise.all([
    db.claim.findMany({ where: liveClaim, orderBy: [{ position: "asc" }, { id: "asc" }], select: claimSelect }),
    db.citation.findMany({ where: liveCitation, orderBy: byAge, select: citationSelect }),
    db.source.findMany({ where: { teamId, citations: { some: liveCitation } }, select: chainSourceSelect }),
    db.sourceCapture.findMany({
      where: { teamId, citation: liveCitation },
      orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
      select: { citationId: true, sha256: true, fetchedAt: true },
    }),
    include.history === false
      ? []
      : db.claimEvent.findMany({
          where: { teamId, claim: liveClaim }, orderBy: byAge,
          select: { claimId: true, type: true, fromValue: true, toValue: true, note: true, createdAt: true, actorId: true },
        }),
    include.comments === false
      ? []
      : db.claimComment.findMany({ where: { teamId, claim: liveClaim }, orderBy: byAge, select: { claimId: true, body: true, createdAt: true, authorId: true } }),
  ]);
  const userIds = new Set<string>();
  for (const claim of claims) for (const id of [claim.verdictById, claim.signedOffById, claim.assigneeId]) if (id) userIds.add(id);
  for (const event of events) userIds.add(event.actorId);
  for (const comment of comments) userIds.add(comment.authorId);
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const person = (id: string | null) => (id ? { name: nameOf.get(id) ?? "a former member" } : null);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const latestCapture = new Map<string, { sha256: string | null; fetchedAt: Date }>();
  for (const { citationId, ...capture } of captures) if (!latestCapture.has(citationId)) latestCapture.set(citationId, capture);
  const { versions: _versions, _count, ...fields } = article;
  return {
    team,
    article: fields,
    version,
    versionCount: _count.versions,
    claims: claims.map(({ assigneeId, ...claim }) => ({
      ...claim, verdictBy: person(claim.verdictById), signedOffBy: person(claim.signedOffById), assignee: person(assigneeId),
    })),
    citations: citations.map((citation) => {
      const capture = latestCapture.get(citation.id);
      const source = sourceById.get(citation.sourceId) ?? { id: citation.sourceId, name: "an unknown source", kind: "organisation", homepage: null, domains: "[]" };
      return { ...citation, source, captures: capture ? [capture] : [] };
    }),
    events: events.map(({ actorId, ...event }) => ({ ...event, actor: person(actorId) as { name: string } })),
    comments: comments.map(({ authorId, ...comment }) => ({ ...comment, author: person(authorId) as { name: string } })),
  };
}
