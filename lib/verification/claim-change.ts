import type { HistoryRow } from "@/lib/claims/events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { compareNewestFirst } from "@/lib/claims/history";
import type { Actor, Tx } from "@/lib/claims/revision";
import { isSignOffCurrent, judgedCitationSelect } from "./judgement";
import { getVerificationSettings, type VerificationSettings } from "./settings";
import { isVerdict, labelVerdict } from "./verdicts";

/** The claim's columns an answer is made of; a change that read them under its lock can hand them in (describeClaimChange). */
export const claimStateSelect = {
  id: true, revision: true, statement: true, quote: true, status: true, anchorState: true, previousQuote: true,
  verdict: true, rationale: true, verdictAt: true, verdictById: true, signedOffById: true, signedOffAt: true, signedOffDigest: true, assigneeId: true,
} as const;

type Person = { id: string; name: string };
type ClaimStateRow = Prisma.ClaimGetPayload<{ select: typeof claimStateSelect }>;

/**
 * One claim's fields as the claim page and the workspace show them: its words and workflow state,
 * the verdict (with the team's label for it), the sign-off while it still covers the claim (as
 * getClaimDetail shows it), the assignee, and the revision a next save must name.
 */
export type ClaimState = Awaited<ReturnType<typeof readStatesAndPeople>>["states"][number];

/**
 * What one change did to a claim, read inside the change's transaction: the claim as it now
 * stands, the history rows (newest first) and comments the change wrote, and `since`, the revision the change
 * was made on. A page that showed the claim at `since` is up to date once it applies this; one
 * that showed an older revision missed someone else's change meanwhile and must fetch it.
 */
export type ClaimChange = {
  claim: ClaimState;
  since: number;
  events: Array<Omit<HistoryRow, "actorId"> & { actor: { name: string } }>;
  comments: CommentRow[];
};

type CommentRow = { id: string; body: string; createdAt: Date; author: { name: string } };

/** The state of each of `claimIds` in the team, in no particular order; a claim not found is left out. */
export async function readClaimStates(tx: Tx, teamId: string, claimIds: readonly string[]) {
  return (await readStatesAndPeople(tx, teamId, claimIds)).states;
}

/**
 * The answer to a change of one claim (call it last, inside the change's transaction): the claim
 * as it now stands, and the rows the change wrote, named. All of them are the actor's.
 * `known` saves reads a change has already made: `claim`, the claim's row as the change left it
 * (read under the change's lock, with what the change wrote applied), `settings`, the team's
 * verification settings read in the same transaction; the actor's name comes from `actor.name`.
 */
export async function describeClaimChange(
  tx: Tx,
  actor: Actor,
  claimId: string,
  written: { since: number; events?: HistoryRow[]; comments?: Array<{ id: string; body: string; createdAt: Date }> },
  known: { claim?: ClaimStateRow; settings?: VerificationSettings } = {},
): Promise<ClaimChange> {
  const alsoNamed = actor.name === undefined ? [actor.userId] : [];
  const { states: [claim], personById } = known.claim
    ? await describeStates(tx, actor.teamId, [known.claim], alsoNamed, known.settings)
    : await readStatesAndPeople(tx, actor.teamId, [claimId], alsoNamed);
  if (!claim) throw new Error(`describeClaimChange: claim ${claimId} is not in the team`);
  const user = { name: actor.name ?? personById.get(actor.userId)?.name ?? "" };
  return {
    claim,
    since: written.since,
    events: (written.events ?? []).map(({ actorId: _actorId, ...event }) => ({ ...event, actor: user })).sort(compareNewestFirst),
    comments: (written.comments ?? []).map((comment) => ({ ...comment, author: user })),
  };
}

/**
 * The claims' states, and the people they name (and `alsoNamed`), in as few queries as they need:
 * the claims, then at most the people, the citations a sign-off covers, and the team's labels.
 */
async function readStatesAndPeople(tx: Tx, teamId: string, claimIds: readonly string[], alsoNamed: string[] = []) {
  const claims = claimIds.length === 0 ? [] : await tx.claim.findMany({ where: { id: { in: [...claimIds] }, teamId }, select: claimStateSelect });
  return describeStates(tx, teamId, claims, alsoNamed);
}

/** The states of claims already read, with what they need besides (settings read already are not read again). */
async function describeStates(tx: Tx, teamId: string, claims: readonly ClaimStateRow[], alsoNamed: string[], knownSettings?: VerificationSettings) {
  const signed = claims.filter((claim) => claim.signedOffById !== null).map((claim) => claim.id);
  const named = claims.flatMap((claim) => [claim.verdictById, claim.signedOffById, claim.assigneeId].filter((id): id is string => id !== null));
  const personIds = new Set([...named, ...alsoNamed]);
  const [citations, people, settings] = await Promise.all([
    signed.length > 0 ? tx.citation.findMany({ where: { claimId: { in: signed }, deletedAt: null }, select: { claimId: true, ...judgedCitationSelect } }) : [],
    personIds.size > 0 ? tx.user.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } }) : [],
    knownSettings ?? (claims.some((claim) => claim.verdict !== null) ? getVerificationSettings(tx, teamId) : null),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const person = (id: string | null): Person | null => (id ? (personById.get(id) ?? null) : null);
  const citationsOf = new Map<string, typeof citations>();
  for (const citation of citations) citationsOf.set(citation.claimId, [...(citationsOf.get(citation.claimId) ?? []), citation]);
  const states = claims.map(({ verdictById, signedOffById, signedOffDigest, assigneeId, ...claim }) => {
    const isSignedOff = isSignOffCurrent({ ...claim, signedOffById, signedOffDigest }, citationsOf.get(claim.id) ?? []);
    return {
      ...claim,
      verdictLabel: isVerdict(claim.verdict) ? labelVerdict(claim.verdict, settings?.labels) : null,
      verdictBy: person(verdictById),
      signedOffBy: isSignedOff ? person(signedOffById) : null,
      signedOffAt: isSignedOff ? claim.signedOffAt : null,
      assignee: person(assigneeId),
    };
  });
  return { states, personById };
}
