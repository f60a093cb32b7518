import "server-only";
import { createHash } from "node:crypto";
import { sortByArticle } from "@/lib/claims/order";
import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { readVerificationSettings } from "@/lib/verification/settings";
import { isVerdict, labelVerdict, type Verdict } from "@/lib/verification/verdicts";
import type { CorpusStats } from "./lexical";
import { MATCH_SETTINGS, prepareClaim, rankCandidates, scoreMatch, selectCandidateTerms, type PreparedClaim } from "./matcher";
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

/** Writes `?` or `$n` (with an optional cast) for each value, collecting the values in order. */
function createParams(db: Db) {
  const isPostgres = dialectOf(db) === "postgresql";
  const values: unknown[] = [];
  const param = (value: unknown, cast = "") => {
    values.push(value);
    return isPostgres ? `$${values.length}${cast}` : "?";
  };
  return { values, param };
}

/**
 * The team's index statistics for the terms of some claims, in one statement of primary-key reads
 * (the counts are kept on write, store.ts): how many judged claims and their summed length (the
 * first row), and how many claims each term is filed under.
 */
async function readStats(db: Db, teamId: string, terms: ReadonlySet<string>): Promise<CorpusStats & { indexVersion: number }> {
  const { values, param } = createParams(db);
  const totals = `SELECT NULL AS term, "claims" AS n, "length" AS total, "version" FROM "ClaimMatchTotal" WHERE "teamId" = ${param(teamId)}`;
  const counts = terms.size === 0 ? "" : ` UNION ALL SELECT "term", "claims" AS n, NULL AS total, NULL AS "version" FROM "ClaimMatchTermCount"
    WHERE "teamId" = ${param(teamId)} AND "term" IN (${[...terms].map((term) => param(term)).join(", ")})`;
  const rows = await db.$queryRawUnsafe<{ term: string | null; n: number | bigint; total: number | bigint | null; version: number | bigint | null }[]>(totals + counts, ...values);
  const df = new Map(rows.filter((row) => row.term !== null).map((row) => [row.term!, Number(row.n)]));
  const total = rows.find((row) => row.term === null);
  const documentCount = Number(total?.n ?? 0);
  return {
    documentCount,
    averageLength: documentCount > 0 ? Number(total!.total) / documentCount : 0,
    documentFrequency: (term) => df.get(term) ?? 0,
    indexVersion: Number(total?.version ?? 0),
  };
}

type Candidate = { id: string; statement: string; verdict: string | null; rationale: string | null; verdictAt: Date | null; articleId: string; articleTitle: string };

/**
 * The judged, live claims of the team's other articles among those sharing the most weight of
 * rare terms with the query, best first, with their articles: one statement. The candidates are
 * grouped from the index rows (an IN list on the primary key's prefix, team and term, so both
 * databases read only those terms' rows), then each is read by its id. CROSS JOIN keeps that
 * order on SQLite, whose planner (with no statistics) would otherwise scan the team's claims by
 * `teamId` rather than read 20 by key; PostgreSQL treats it as an inner join.
 */
async function findCandidates(db: Db, teamId: string, query: PreparedClaim, stats: CorpusStats, exclude: { claimId: string; articleId: string }): Promise<Candidate[]> {
  const weights = [...selectCandidateTerms(query, stats)];
  if (weights.length === 0) return [];
  const { values, param } = createParams(db);
  const weightOf = weights.map(([term, weight]) => `WHEN ${param(term, "::text")} THEN ${param(weight, "::float8")}`).join(" ");
  const sql = `WITH best AS (
      SELECT t."claimId" AS id, SUM(CASE t."term" ${weightOf} ELSE 0 END) AS score
      FROM "ClaimMatchTerm" t
      WHERE t."teamId" = ${param(teamId)} AND t."term" IN (${weights.map(([term]) => param(term)).join(", ")})
        AND t."claimId" <> ${param(exclude.claimId)}
      GROUP BY t."claimId" ORDER BY score DESC, id LIMIT ${param(MATCH_SETTINGS.candidateCount, "::int")}
    )
    SELECT c."id", c."statement", c."verdict", c."rationale", c."verdictAt", a."id" AS "articleId", a."title" AS "articleTitle"
    FROM best CROSS JOIN "Claim" c CROSS JOIN "Article" a
    WHERE c."id" = best.id AND c."teamId" = ${param(teamId)} AND c."deletedAt" IS NULL AND c."verdict" IS NOT NULL
      AND c."articleId" <> ${param(exclude.articleId)} AND a."id" = c."articleId" AND a."teamId" = ${param(teamId)}
    ORDER BY best.score DESC, best.id`;
  return db.$queryRawUnsafe<Candidate[]>(sql, ...values);
}

export async function findCheckedBefore(db: Db, teamId: string, claimId: string): Promise<CheckedBefore> {
  const claim = await db.claim.findFirst({ where: { id: claimId, teamId }, select: { id: true, articleId: true, statement: true } });
  if (!claim) return { priorChecks: [], sameClaims: [] };
  await catchUpClaimMatchIndex(db, teamId);
  const query = prepareClaim(claim.statement);
  const stats = await readStats(db, teamId, query.terms);
  const [candidates, neighbours, team] = await Promise.all([
    findCandidates(db, teamId, query, stats, { claimId: claim.id, articleId: claim.articleId }),
    // By the article (and through it the team): a `teamId` filter on Claim itself would lead
    // SQLite's planner to the team's index, a scan of all its claims.
    db.claim.findMany({
      where: { articleId: claim.articleId, article: { teamId }, deletedAt: null },
      select: { id: true, statement: true, verdict: true, start: true, end: true, anchorState: true },
    }),
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true } }),
  ]);
  const { labels } = readVerificationSettings(team);
  const label = (verdict: string | null) => (verdict && isVerdict(verdict) ? labelVerdict(verdict, labels) : null);
  const verdictOf = (verdict: string | null) => (verdict && isVerdict(verdict) ? verdict : null);
  const shown = rankCandidates(query, candidates, (candidate) => candidate.statement, stats)
    .filter((match) => match.score >= MATCH_SETTINGS.showThreshold && verdictOf(match.item.verdict))
    .slice(0, SHOWN);
  const citations = shown.length === 0 ? [] : await db.citation.findMany({
    where: { teamId, claimId: { in: shown.map((match) => match.item.id) }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { claimId: true, relation: true, source: { select: { name: true } } },
  });
  const priorChecks = shown.map(({ item, score }): PriorCheck => ({
    claimId: item.id, articleId: item.articleId, articleTitle: item.articleTitle, statement: item.statement,
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

/** What the workspace marks on a claim: a judged claim elsewhere says the same, or another claim here does. */
export type MatchMarker = "checked-before" | "repeat";

/**
 * The most claims an article's workspace marks. The markers cost one candidate query per claim and
 * a comparison of every pair for repeats, which a 1,000-claim article cannot afford on each page
 * load; past this, the first claims in article order are marked and every claim page still shows
 * its own "checked before" (decision 0023).
 */
export const MARKED_CLAIMS_LIMIT = 150;

/**
 * The workspace's markers for an article's live claims, from the same index and scores as
 * findCheckedBefore (one statistics read, one candidate query per claim). Streamed after the list: it grows with the article's claims, up to MARKED_CLAIMS_LIMIT.
 * `claimIds` restricts the work to those claims (a live patch names the few a colleague changed):
 * one candidate query each, whatever the article's size; the answer for each is what the whole
 * article's would say of it (a repeat is still sought among all the marked claims).
 */
export async function listMatchMarkers(db: Db, teamId: string, articleId: string, options: { claimIds?: readonly string[] } = {}): Promise<Record<string, MatchMarker>> {
  await catchUpClaimMatchIndex(db, teamId);
  const claims = await db.claim.findMany({
    where: { articleId, article: { teamId }, deletedAt: null },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    take: MARKED_CLAIMS_LIMIT,
    select: { id: true, statement: true },
  });
  const named = options.claimIds ? new Set(options.claimIds) : null;
  const marked = named ? claims.filter((claim) => named.has(claim.id)) : claims;
  // The markers follow from these claims' statements and the team's index, nothing else: the
  // same statements at the same index version give the same markers (the key's hash covers them).
  // A hit reads the version alone (the totals' row) and prepares no statement. Markers of some
  // claims are kept under those claims' ids too; the whole article's, when kept, answer them.
  const statementsHash = createHash("sha256").update(JSON.stringify(claims)).digest("base64url");
  const keyAt = (indexVersion: number, ids: readonly { id: string }[] | null) => `${teamId} ${indexVersion} ${statementsHash}${ids ? ` ${ids.map((claim) => claim.id).join(",")}` : ""}`;
  const { indexVersion } = await readStats(db, teamId, new Set());
  const cached = markerCache.get(keyAt(indexVersion, null)) ?? (named ? markerCache.get(keyAt(indexVersion, marked)) : undefined);
  if (cached) return pickMarkers(cached, marked);
  // Prepared when first needed: a few named claims compare with the others only for repeats.
  const prepared = new Map<string, PreparedClaim>();
  const prepareOwn = (claim: { id: string; statement: string }) => {
    const known = prepared.get(claim.id);
    if (known) return known;
    const made = prepareClaim(claim.statement);
    prepared.set(claim.id, made);
    return made;
  };
  const allTerms = new Set(marked.flatMap((claim) => [...prepareOwn(claim).terms]));
  // Read again with the terms: the version may have moved since, and the markers are kept
  // under the version they were worked out at.
  const stats = await readStats(db, teamId, allTerms);
  const cacheKey = keyAt(stats.indexVersion, named ? marked : null);
  const markers: Record<string, MatchMarker> = {};
  // The same judged claims come up for many of the article's claims: each is prepared (its terms
  // and vector) once, not once per claim it is a candidate of (decision 0023).
  const preparedCandidates = new Map<string, PreparedClaim>();
  const prepareCandidate = (candidate: Candidate) => {
    const known = preparedCandidates.get(candidate.id);
    if (known) return known;
    const made = prepareClaim(candidate.statement);
    preparedCandidates.set(candidate.id, made);
    return made;
  };
  for (const claim of marked) {
    const query = prepareOwn(claim);
    const candidates = await findCandidates(db, teamId, query, stats, { claimId: claim.id, articleId });
    if (candidates.some((candidate) => scoreMatch(query, prepareCandidate(candidate), stats).score >= MATCH_SETTINGS.showThreshold)) markers[claim.id] = "checked-before";
  }
  for (const claim of marked) {
    if (markers[claim.id]) continue;
    const query = prepareOwn(claim);
    const isRepeated = claims.some((other) => other.id !== claim.id && scoreMatch(query, prepareOwn(other), stats).score >= MATCH_SETTINGS.duplicateThreshold);
    if (isRepeated) markers[claim.id] = "repeat";
  }
  rememberMarkers(cacheKey, markers);
  return { ...markers };
}

/** A copy of the markers of `claims` (all of them, when they are all the markers were worked out for). */
function pickMarkers(markers: Record<string, MatchMarker>, claims: readonly { id: string }[]): Record<string, MatchMarker> {
  return Object.fromEntries(claims.filter((claim) => markers[claim.id]).map((claim) => [claim.id, markers[claim.id]!]));
}

/**
 * Markers worked out lately, by team, index version and the statements marked (newest last).
 * Each process keeps its own and a miss is worked out from the database, so processes never
 * disagree; a change to the team's index moves its version and so misses.
 */
const markerCache = new Map<string, Record<string, MatchMarker>>();
const MARKER_CACHE_SIZE = 200;

function rememberMarkers(key: string, markers: Record<string, MatchMarker>) {
  markerCache.set(key, markers);
  const oldest = markerCache.keys().next().value;
  if (markerCache.size > MARKER_CACHE_SIZE && oldest !== undefined) markerCache.delete(oldest);
}
