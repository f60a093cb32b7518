import { CLAIM_STATUSES } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";
import type { Db } from "@/lib/config/prisma-client";
import { readVerificationSettings } from "@/lib/verification/settings";
import { VERDICTS, isVerdict, labelVerdict } from "@/lib/verification/verdicts";
import { listRangeDays } from "./date-range";
import type { ReportRange } from "./date-range";
import { SERIES_EVENT_TYPES, buildStatusSeries } from "./status-series";
import { tallyVerifiers } from "./verifiers";

// Long lists are cut for the screen; the counts above them stay exact.
const LIST_LIMIT = 100;

const emptyCounts = () => Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;

/**
 * The team's dashboard in a fixed number of queries, whatever the number of articles, claims or
 * days: articles in progress (now), claims by status per day of the range (rebuilt from the
 * history, lib/reports/status-series.ts), verdicts waiting for a sign-off (now) and who gave
 * and signed off verdicts in the range.
 */
export async function getTeamDashboard(db: Db, teamId: string, range: ReportRange) {
  const openArticle = { teamId, claims: { some: { deletedAt: null, status: { not: "done" as const } } } };
  // A claim deleted before the range began cannot show in it; one restored since has deletedAt null.
  const seriesClaim = { teamId, createdAt: { lt: range.end }, OR: [{ deletedAt: null }, { deletedAt: { gte: range.start } }] };
  // No digest: never signed off, or signed off before digests were kept (which counts as none).
  const waiting = { teamId, deletedAt: null, verdict: { not: null }, verdictById: { not: null }, signedOffDigest: null };
  const decidedInRange = { article: { teamId }, createdAt: { gte: range.start, lt: range.end } };
  const [team, articles, groups, seriesClaims, seriesEvents, awaiting, awaitingCount, verdictEvents, accepted, dismissed] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { verdictLabels: true, verificationRules: true, memberships: { select: { role: true, user: { select: { id: true, name: true } } } } },
    }),
    db.article.findMany({ where: openArticle, orderBy: { createdAt: "desc" }, take: LIST_LIMIT, select: { id: true, title: true, outlet: true, createdAt: true } }),
    db.claim.groupBy({ by: ["articleId", "status"], where: { teamId, deletedAt: null, article: openArticle }, _count: { _all: true } }),
    db.claim.findMany({ where: seriesClaim, select: { id: true, createdAt: true, status: true, deletedAt: true } }),
    db.claimEvent.findMany({
      where: { teamId, type: { in: [...SERIES_EVENT_TYPES] }, claim: seriesClaim },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { claimId: true, type: true, fromValue: true, toValue: true, createdAt: true },
    }),
    db.claim.findMany({
      where: waiting,
      orderBy: { verdictAt: "asc" },
      take: LIST_LIMIT,
      select: { id: true, statement: true, verdict: true, verdictAt: true, verdictBy: { select: { name: true } }, article: { select: { id: true, title: true } } },
    }),
    db.claim.count({ where: waiting }),
    db.claimEvent.findMany({
      where: { teamId, type: { in: ["verdict_given", "verdict_signed_off"] }, createdAt: { gte: range.start, lt: range.end } },
      select: { actorId: true, type: true, toValue: true, actor: { select: { name: true } } },
    }),
    db.suggestionAcceptance.count({ where: decidedInRange }),
    db.suggestionDismissal.count({ where: decidedInRange }),
  ]);
  const { labels, rules } = readVerificationSettings(team);
  const countsByArticle = new Map<string, Record<ClaimStatus, number>>();
  for (const group of groups) {
    const counts = countsByArticle.get(group.articleId) ?? emptyCounts();
    if (group.status in counts) counts[group.status as ClaimStatus] += group._count._all;
    countsByArticle.set(group.articleId, counts);
  }
  const articlesInProgress = articles.map((article) => {
    const counts = countsByArticle.get(article.id) ?? emptyCounts();
    const total = CLAIM_STATUSES.reduce((sum, status) => sum + counts[status], 0);
    return { ...article, counts, total, done: counts.done, isStarted: counts.unchecked < total };
  });
  const statusSeries = buildStatusSeries(seriesClaims, seriesEvents, listRangeDays(range));
  const verifiers = tallyVerifiers(team.memberships, verdictEvents, labels);
  return {
    range,
    requiresSignOff: rules.requireSignOff,
    articlesInProgress,
    articlesInProgressCount: new Set(groups.map((group) => group.articleId)).size,
    statusSeries,
    // Without the rule a verdict is final when given, so nothing waits.
    awaitingSignOff: rules.requireSignOff
      ? awaiting.map((claim) => ({
          id: claim.id, statement: claim.statement, article: claim.article, verdictAt: claim.verdictAt, verdictBy: claim.verdictBy?.name ?? null,
          verdictLabel: claim.verdict && isVerdict(claim.verdict) ? labelVerdict(claim.verdict, labels) : claim.verdict,
        }))
      : [],
    awaitingSignOffCount: rules.requireSignOff ? awaitingCount : 0,
    verifiers,
    /** The verdicts in the team's wording, for the who-verified-what columns. */
    verdictColumns: VERDICTS.map((verdict) => ({ key: verdict, label: labelVerdict(verdict, labels) })),
    verdictsGiven: verifiers.reduce((sum, row) => sum + row.given, 0),
    signOffs: verifiers.reduce((sum, row) => sum + row.signedOff, 0),
    suggestions: rateSuggestions(accepted, dismissed),
  };
}

/**
 * How far the editors trust the suggestions: of the suggestions decided on in the range (accepted
 * as a claim, or dismissed), the share accepted. A suggestion left undecided does not count;
 * a passage accepted and later deleted as a claim still counts as accepted. Null with no decision.
 */
export function rateSuggestions(accepted: number, dismissed: number) {
  const decided = accepted + dismissed;
  return { accepted, dismissed, rate: decided === 0 ? null : accepted / decided };
}

export type TeamDashboard = Awaited<ReturnType<typeof getTeamDashboard>>;
