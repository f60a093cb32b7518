import { ASSIGNABLE_ROLES } from "@/lib/auth/roles";
import { chainCitationSelect, chainSourceSelect, parseDomains, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { historyRowSelect } from "@/lib/claims/events";
import { sortByArticle } from "@/lib/claims/order";
import type { Db } from "@/lib/config/prisma-client";
import { traceClaim } from "@/lib/sources/chain";
import { sortByChain } from "@/lib/sources/chain-order";
import { listCaptureWarnings } from "./capture-warnings";
import { isSignOffCurrent } from "./judgement";
import { readVerificationSettings } from "./settings";

type Person = { id: string; name: string };

/**
 * Everything the claim page shows, in eleven flat queries whatever the claim holds: the claim and
 * its verdict, its citations with their sources and latest capture, the traced provenance,
 * history, comments, the members a claim can be assigned to (owners and editors) and settings, and its neighbours in the
 * list. People are read once for all the roles they play here. (Each nested relation would be a
 * query of its own in Prisma's client engine, and its query count is what an editor waits for
 * when the page opens; a change made on the page answers with what it did instead:
 * claim-change.ts.)
 */
export async function getClaimDetail(db: Db, teamId: string, claimId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, teamId },
    select: {
      id: true, articleId: true, position: true, quote: true, prefix: true, suffix: true, statement: true, status: true,
      verdict: true, rationale: true, verdictAt: true, signedOffAt: true, anchorState: true, revision: true, deletedAt: true,
      verdictById: true, signedOffById: true, signedOffDigest: true, assigneeId: true,
    },
  });
  if (!claim) return null;
  const [article, team, citationRows, events, comments, memberships, neighbours] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { id: true, title: true, outlet: true, url: true } }),
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true } }),
    db.citation.findMany({
      where: { claimId, teamId, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { ...chainCitationSelect, accessedAt: true, archiveUrl: true, note: true, captureState: true, capturedAt: true, revision: true, createdById: true },
    }),
    db.claimEvent.findMany({
      where: { claimId, teamId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: historyRowSelect,
    }),
    db.claimComment.findMany({ where: { claimId, teamId }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, authorId: true } }),
    db.membership.findMany({ where: { teamId }, select: { role: true, userId: true } }),
    db.claim.findMany({
      where: { articleId: claim.articleId, teamId, deletedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, start: true, end: true, anchorState: true },
    }),
  ]);
  const personIds = new Set<string>([
    ...[claim.verdictById, claim.signedOffById, claim.assigneeId].filter((id): id is string => id !== null),
    ...citationRows.map((citation) => citation.createdById),
    ...events.map((event) => event.actorId),
    ...comments.map((comment) => comment.authorId),
    ...memberships.map((membership) => membership.userId),
  ]);
  const [sources, captures, people] = await Promise.all([
    db.source.findMany({ where: { teamId, id: { in: [...new Set(citationRows.map((citation) => citation.sourceId))] } }, select: chainSourceSelect }),
    db.sourceCapture.findMany({
      where: { teamId, citationId: { in: citationRows.map((citation) => citation.id) } },
      orderBy: { fetchedAt: "desc" },
      select: { id: true, citationId: true, sha256: true, fetchedAt: true, error: true, passageWording: true, comparedWording: true },
    }),
    db.user.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } }),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const person = (id: string | null): Person | null => (id ? (personById.get(id) ?? null) : null);
  const named = (id: string) => ({ name: personById.get(id)?.name ?? "" });
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const latestCapture = new Map<string, Omit<(typeof captures)[number], "citationId">>();
  for (const { citationId, ...capture } of captures) if (!latestCapture.has(citationId)) latestCapture.set(citationId, capture);
  const citations = citationRows.flatMap(({ createdById, ...citation }) => {
    const source = sourceById.get(citation.sourceId);
    return source ? [{ ...citation, source, createdBy: named(createdById) }] : [];
  });
  const trace = traceClaim(citations.map(toChainCitation), citations.map((citation) => toChainSource(citation.source)));
  // Numbered and paged in article order, as the workspace lists claims unless an editor chose their own.
  const ordered = sortByArticle(neighbours);
  const index = ordered.findIndex((neighbour) => neighbour.id === claim.id);
  // A sign-off is shown only while the claim says and cites what it was given for (judgement.ts).
  const isSignedOff = isSignOffCurrent(claim, citationRows);
  const { verdictById, signedOffById, signedOffDigest: _digest, assigneeId, signedOffAt, ...claimFields } = claim;
  const everyone = memberships
    .flatMap(({ userId, role }) => {
      const user = personById.get(userId);
      return user ? [{ ...user, role }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const members = everyone.filter((member) => ASSIGNABLE_ROLES.includes(member.role));
  return {
    claim: {
      ...claimFields, signedOffAt: isSignedOff ? signedOffAt : null,
      verdictBy: person(verdictById), signedOffBy: isSignedOff ? person(signedOffById) : null, assignee: person(assigneeId), article, team,
    },
    number: index >= 0 ? index + 1 : null,
    claimCount: ordered.length,
    previousId: index > 0 ? ordered[index - 1].id : null,
    nextId: index >= 0 && index < ordered.length - 1 ? ordered[index + 1].id : null,
    citations: sortByChain(citations, trace.paths).map((citation) => ({
      ...citation, source: { ...citation.source, domains: parseDomains(citation.source.domains) }, latestCapture: latestCapture.get(citation.id) ?? null,
    })),
    trace,
    // What the cited pages' latest captures say against the verdict (shown whatever the team's rules).
    captureWarnings: listCaptureWarnings(citations.map((citation) => ({ ...citation, sourceName: citation.source.name }))),
    events: events.map(({ actorId, ...event }) => ({ ...event, actor: named(actorId) })),
    comments: comments.map(({ authorId, ...comment }) => ({ ...comment, author: named(authorId) })),
    members,
    /** Everyone in the team, whom a comment can mention (lib/notifications/mentions.ts). */
    mentionable: everyone.map(({ id, name }) => ({ id, name })),
    settings: readVerificationSettings(team),
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

/**
 * Verdicts given by someone else that still wait for a sign-off (what a second editor can do next).
 * A sign-off without a digest (recorded before digests were kept) counts as none.
 */
export function listAwaitingSignOff(db: Db, teamId: string, userId: string) {
  return db.claim.findMany({
    where: { teamId, deletedAt: null, verdict: { not: null }, signedOffDigest: null, verdictById: { not: userId } },
    orderBy: { verdictAt: "asc" },
    take: 200,
    select: {
      id: true, statement: true, status: true, verdict: true, verdictAt: true,
      verdictBy: { select: { name: true } },
      article: { select: { id: true, title: true } },
    },
  });
}
