import "server-only";
import { sortByArticle } from "@/lib/claims/order";
import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { readVerificationSettings } from "@/lib/verification/settings";
import { isVerdict, labelVerdict, type Verdict } from "@/lib/verification/verdicts";
import type { CorpusStats } from "./lexical";
import { MATCH_SETTINGS, prepareClaim, rankCandidates, selectCandidateTerms, type PreparedClaim } from "./matcher";
import { catchUpClaimMatchIndex } from "./store";

/**
 * "Checked before": the team's judged claims that say what a claim says, in its other articles
 * (and their versions), and the claims of its own article that repeat it. Candidates come from
 * the index (store.ts) by their rarest shared terms, then the full matcher (matcher.ts) ranks
 * them as they are now. Every read keeps to the team. docs/decisions/0023-checked-before.md.
 */
export type PriorCheck = {
  claimId: string;
  articleId: string;
  articleTitle: string;
  statement: string;
  verdict: Verdict;
  verdictLabel: string;
  rationale: string | null;
  verdictAt: Date | null;
  /** Its live citations, oldest first: source and relation. */
  citations: { sourceName: string; relation: string }[];
  score: number;
};

export type SameClaim = { claimId: string; number: number; statement: string; verdict: Verdict | null; verdictLabel: string | null; score: number };

export type CheckedBefore = { priorChecks: PriorCheck[]; sameClaims: SameClaim[] };

/** At most this many of each are shown. */
const SHOWN = 3;

/** The team's index statistics for the terms of some claims: counts and mean length, and each term's claims. */
async function readStats(db: Db, teamId: string, terms: ReadonlySet<string>): Promise<CorpusStats> {
  const [totals, counts] = await Promise.all([
    db.claimMatchEntry.aggregate({ where: { teamId }, _count: { _all: true }, _avg: { length: true } }),
    terms.size === 0
      ? Promise.resolve([])
      : db.claimMatchTerm.groupBy({ by: ["term"], where: { teamId, term: { in: [...terms] } }, _count: { _all: true } }),
  ]);
  const df = new Map(counts.map((row) => [row.term, row._count._all]));
  return { documentCount: totals._count._all, averageLength: totals._avg.length ?? 0, documentFrequency: (term) => df.get(term) ?? 0 };
}

/** The judged claims sharing the most weight of rare terms with the query: ids only, best first. */
async function findCandidateIds(db: Db, teamId: string, query: PreparedClaim, stats: CorpusStats, excludeId: string): Promise<string[]> {
  const weights = [...selectCandidateTerms(query, stats)];
  if (weights.length === 0) return [];
  const isPostgres = dialectOf(db) === "postgresql";
  const params: unknown[] = [];
  const param = (value: unknown, cast = "") => {
    params.push(value);
    return isPostgres ? `$${params.length}${cast}` : "?";
  };
  const values = weights.map(([term, weight]) => `(${param(term, "::text")}, ${param(weight, "::float8")})`).join(", ");
  const sql = `WITH q(term, weight) AS (VALUES ${values})
    SELECT t."claimId" AS id, SUM(q.weight) AS score
    FROM q JOIN "ClaimMatchTerm" t ON t."teamId" = ${param(teamId)} AND t."term" = q.term
    WHERE t."claimId" <> ${param(excludeId)}
    GROUP BY t."claimId" ORDER BY score DESC, id LIMIT ${param(MATCH_SETTINGS.candidateCount, "::int")}`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((row) => row.id);
}

export async function findCheckedBefore(db: Db, teamId: string, claimId: string): Promise<CheckedBefore> {
  const claim = await db.claim.findFirst({ where: { id: claimId, teamId }, select: { id: true, articleId: true, statement: true } });
  if (!claim) return { priorChecks: [], sameClaims: [] };
  await catchUpClaimMatchIndex(db, teamId);
  const query = prepareClaim(claim.statement);
  const stats = await readStats(db, teamId, query.terms);
  const [candidateIds, neighbours, team] = await Promise.all([
    findCandidateIds(db, teamId, query, stats, claim.id),
    db.claim.findMany({
      where: { teamId, articleId: claim.articleId, deletedAt: null },
      select: { id: true, statement: true, verdict: true, start: true, end: true, anchorState: true },
    }),
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true } }),
  ]);
  const { labels } = readVerificationSettings(team);
  const label = (verdict: string | null) => (verdict && isVerdict(verdict) ? labelVerdict(verdict, labels) : null);
  const verdictOf = (verdict: string | null) => (verdict && isVerdict(verdict) ? verdict : null);
  const candidates = await db.claim.findMany({
    where: { id: { in: candidateIds }, teamId, deletedAt: null, verdict: { not: null }, articleId: { not: claim.articleId } },
    select: { id: true, statement: true, verdict: true, rationale: true, verdictAt: true, article: { select: { id: true, title: true } } },
  });
  const shown = rankCandidates(query, candidates, (candidate) => candidate.statement, stats)
    .filter((match) => match.score >= MATCH_SETTINGS.showThreshold && verdictOf(match.item.verdict))
    .slice(0, SHOWN);
  const citations = await db.citation.findMany({
    where: { teamId, claimId: { in: shown.map((match) => match.item.id) }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { claimId: true, relation: true, source: { select: { name: true } } },
  });
  const priorChecks = shown.map(({ item, score }): PriorCheck => ({
    claimId: item.id, articleId: item.article.id, articleTitle: item.article.title, statement: item.statement,
    verdict: verdictOf(item.verdict)!, verdictLabel: label(item.verdict) ?? "", rationale: item.rationale, verdictAt: item.verdictAt,
    citations: citations.filter((citation) => citation.claimId === item.id).map((citation) => ({ sourceName: citation.source.name, relation: citation.relation })),
    score,
  }));
  // Numbered as the workspace and the claim page number them (article order).
  const numbered = sortByArticle(neighbours).map((neighbour, index) => ({ ...neighbour, number: index + 1 }));
  const others = numbered.filter((neighbour) => neighbour.id !== claim.id);
  const sameClaims = rankCandidates(query, others, (other) => other.statement, stats)
    .filter((match) => match.score >= MATCH_SETTINGS.duplicateThreshold)
    .slice(0, SHOWN)
    .map(({ item, score }): SameClaim => ({ claimId: item.id, number: item.number, statement: item.statement, verdict: verdictOf(item.verdict), verdictLabel: label(item.verdict), score }));
  return { priorChecks, sameClaims };
}
