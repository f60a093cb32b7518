import { chainCitationSelect, chainSourceSelect, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import type { Db } from "@/lib/config/prisma-client";
import { readVerificationSettings } from "@/lib/verification/settings";
import type { ReportRange } from "./date-range";
import type { TeamExportData } from "./team-export";

const name = { select: { name: true } } as const;

/**
 * Everything the team export holds, in a fixed number of queries whatever the range: the
 * articles imported (or re-imported) in the range or whose claims have history in it, their
 * live claims in list order and those claims' live citations with their sources.
 */
export async function loadTeamExport(db: Db, teamId: string, range: ReportRange): Promise<TeamExportData> {
  const during = { gte: range.start, lt: range.end };
  const article = {
    teamId,
    OR: [{ createdAt: during }, { versions: { some: { createdAt: during } } }, { claims: { some: { events: { some: { createdAt: during } } } } }],
  };
  const liveClaim = { teamId, deletedAt: null, article };
  const [team, articles, claims, citations] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, slug: true, verdictLabels: true, verificationRules: true } }),
    db.article.findMany({ where: article, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true, outlet: true, url: true, createdAt: true } }),
    db.claim.findMany({
      where: liveClaim,
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        id: true, articleId: true, statement: true, quote: true, status: true, verdict: true, rationale: true,
        verdictById: true, verdictAt: true, signedOffById: true, signedOffAt: true, signedOffDigest: true, verdictBy: name, signedOffBy: name,
      },
    }),
    db.citation.findMany({
      where: { teamId, deletedAt: null, claim: liveClaim },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...chainCitationSelect, captureState: true, source: { select: chainSourceSelect } },
    }),
  ]);
  const sources = new Map(citations.map((citation) => [citation.source.id, toChainSource(citation.source)]));
  const { labels, rules } = readVerificationSettings(team);
  return {
    team: { name: team.name, slug: team.slug },
    labels,
    rules,
    articles,
    claims,
    citations: citations.map(({ source: _source, captureState: _state, ...citation }) => toChainCitation(citation)),
    captureStates: new Map(citations.map((citation) => [citation.id, citation.captureState])),
    sources: [...sources.values()],
  };
}
