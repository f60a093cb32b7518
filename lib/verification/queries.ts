import { chainCitationSelect, chainSourceSelect, parseDomains, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import type { Db } from "@/lib/config/prisma-client";
import { traceClaim } from "@/lib/sources/chain";
import { sortByChain } from "@/lib/sources/chain-order";
import { readVerificationSettings } from "./settings";

const person = { select: { id: true, name: true } } as const;

/**
 * Everything the claim page shows, in a fixed number of queries: the claim and its verdict,
 * its citations with their sources and latest capture, the traced provenance, history,
 * comments, the team's members (to assign) and settings, and its neighbours in the list.
 */
export async function getClaimDetail(db: Db, teamId: string, claimId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, teamId },
    select: {
      id: true, articleId: true, position: true, quote: true, prefix: true, suffix: true, statement: true, status: true,
      verdict: true, rationale: true, verdictAt: true, signedOffAt: true, anchorState: true, revision: true, deletedAt: true,
      verdictBy: person, signedOffBy: person, assignee: person,
      article: { select: { id: true, title: true, outlet: true, url: true } },
      team: { select: { verdictLabels: true, verificationRules: true } },
    },
  });
  if (!claim) return null;
  const [citations, events, comments, members, neighbours] = await Promise.all([
    db.citation.findMany({
      where: { claimId, teamId, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        ...chainCitationSelect, accessedAt: true, archiveUrl: true, note: true, captureState: true, capturedAt: true, revision: true,
        source: { select: chainSourceSelect },
        createdBy: { select: { name: true } },
        captures: { orderBy: { fetchedAt: "desc" }, take: 1, select: { id: true, sha256: true, fetchedAt: true, error: true } },
      },
    }),
    db.claimEvent.findMany({
      where: { claimId, teamId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, type: true, fromValue: true, toValue: true, note: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.claimComment.findMany({
      where: { claimId, teamId },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.membership.findMany({ where: { teamId }, orderBy: { user: { name: "asc" } }, select: { role: true, user: person } }),
    db.claim.findMany({ where: { articleId: claim.articleId, teamId, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true } }),
  ]);
  const trace = traceClaim(citations.map(toChainCitation), citations.map((citation) => toChainSource(citation.source)));
  const index = neighbours.findIndex((neighbour) => neighbour.id === claim.id);
  return {
    claim,
    number: index >= 0 ? index + 1 : null,
    claimCount: neighbours.length,
    previousId: index > 0 ? neighbours[index - 1].id : null,
    nextId: index >= 0 && index < neighbours.length - 1 ? neighbours[index + 1].id : null,
    citations: sortByChain(citations, trace.paths).map((citation) => ({ ...citation, source: { ...citation.source, domains: parseDomains(citation.source.domains) }, latestCapture: citation.captures[0] ?? null })),
    trace,
    events,
    comments,
    members: members.map((member) => ({ ...member.user, role: member.role })),
    settings: readVerificationSettings(claim.team),
  };
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaimDetail>>>;

/** The claims assigned to one member across the team's articles, unfinished first. */
export async function listMyClaims(db: Db, teamId: string, userId: string) {
  const claims = await db.claim.findMany({
    where: { teamId, assigneeId: userId, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }],
    take: 500,
    select: {
      id: true, statement: true, status: true, verdict: true, updatedAt: true,
      article: { select: { id: true, title: true } },
      _count: { select: { citations: { where: { deletedAt: null } } } },
    },
  });
  const order = { unchecked: 1, in_progress: 0, needs_review: 2, done: 3 } as Record<string, number>;
  return claims.sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
}

/** Verdicts given by someone else that still wait for a sign-off (what a second editor can do next). */
export function listAwaitingSignOff(db: Db, teamId: string, userId: string) {
  return db.claim.findMany({
    where: { teamId, deletedAt: null, verdict: { not: null }, signedOffById: null, verdictById: { not: userId } },
    orderBy: { verdictAt: "asc" },
    take: 200,
    select: {
      id: true, statement: true, status: true, verdict: true, verdictAt: true,
      verdictBy: { select: { name: true } },
      article: { select: { id: true, title: true } },
    },
  });
}
