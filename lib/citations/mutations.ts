import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { lockKey, lockReferencedRows, lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";
import { normalizeDomain, normalizeSourceName } from "@/lib/sources/normalize";
import { registryKey } from "@/lib/sources/registry-lock";
import { citationRelationLabels } from "@/lib/sources/types";
import { reviewJudgement } from "@/lib/verification/sign-off";
import type { CitationRelation } from "@/lib/sources/types";
import type { AddCitationInput, UpdateCitationInput } from "./schema";
import { checkVia } from "./via";

const citationNotFound = () => new AppError("NOT_FOUND", "That citation no longer exists in this team.");

function describe(source: { name: string }, relation: string) {
  return `${source.name} (${citationRelationLabels[relation as CitationRelation]?.toLowerCase() ?? relation})`;
}

/** The claim, read once it is locked: its citations and via chains stay as read until this commits. */
export async function findLiveClaim(tx: Tx, actor: Actor, claimId: string) {
  await lockRows(tx, "Claim", [claimId]);
  const claim = await tx.claim.findFirst({
    where: { id: claimId, teamId: actor.teamId, deletedAt: null },
    select: { id: true, articleId: true, quote: true },
  });
  if (!claim) throw new AppError("NOT_FOUND", "That claim no longer exists in this team.");
  return claim;
}

/**
 * The registry source a citation names, or a new one typed inline. A typed name that matches
 * a registry entry (case and punctuation aside) reuses it, so the registry gains no duplicate.
 * The registry's lock (a name typed in two places at once is added once) and the source's (a
 * source being merged is cited only once the merge is done, as the source it went into) are
 * taken before reading.
 */
export async function resolveSource(
  tx: Tx,
  actor: Actor,
  input: Pick<AddCitationInput, "sourceId" | "sourceName" | "sourceKind" | "url">,
): Promise<{ id: string; name: string }> {
  if (input.sourceId) {
    await lockRows(tx, "Source", [input.sourceId]);
    const source = await tx.source.findFirst({
      where: { id: input.sourceId, teamId: actor.teamId },
      select: { id: true, name: true, mergedIntoId: true },
    });
    if (!source) throw new AppError("NOT_FOUND", "That source is not in your team's registry.", { sourceName: ["Choose a source from the list"] });
    return source.mergedIntoId ? resolveSource(tx, actor, { sourceId: source.mergedIntoId }) : source;
  }
  const name = input.sourceName as string;
  const nameKey = normalizeSourceName(name);
  await lockKey(tx, registryKey(actor.teamId));
  const existing = await tx.source.findFirst({
    where: { teamId: actor.teamId, nameKey, mergedIntoId: null },
    select: { id: true, name: true },
  });
  if (existing) {
    await lockRows(tx, "Source", [existing.id]);
    return existing;
  }
  const kind = input.sourceKind ?? "outlet";
  const domain = kind === "outlet" && input.url ? normalizeDomain(input.url) : null;
  return tx.source.create({
    data: { teamId: actor.teamId, name, nameKey, kind, domains: JSON.stringify(domain ? [domain] : []), createdById: actor.userId },
    select: { id: true, name: true },
  });
}

function citationData(input: Omit<UpdateCitationInput, "citationId" | "revision" | "sourceId">) {
  return {
    url: input.url ?? null,
    passage: input.passage ?? null,
    accessedAt: input.accessedAt ?? null,
    archiveUrl: input.archiveUrl ?? null,
    relation: input.relation,
    viaCitationId: input.viaCitationId ?? null,
    isOrigin: input.isOrigin,
    note: input.note ?? null,
  };
}

/** Ties a claim to a source; with `relaysForId`, the new citation is where that one got it from. */
export async function addCitation(db: Db, actor: Actor, input: AddCitationInput) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    const source = await resolveSource(tx, actor, input);
    return writeCitation(tx, actor, claim.id, source, input);
  });
}

/**
 * Writes a citation of `source` on a claim locked and read by `findLiveClaim`, records it in the
 * claim's history and reviews the claim's judgement (a sign-off it no longer covers is withdrawn).
 */
export async function writeCitation(tx: Tx, actor: Actor, claimId: string, source: { id: string; name: string }, input: Omit<AddCitationInput, "claimId" | "sourceId" | "sourceName" | "sourceKind">) {
  const relayer = input.relaysForId
    ? await tx.citation.findFirst({
        where: { id: input.relaysForId, claimId, deletedAt: null },
        select: { id: true, viaCitationId: true, source: { select: { name: true } } },
      })
    : null;
  if (input.relaysForId && !relayer) throw citationNotFound();
  // The relayer will relay the new citation, so the chain the new one relays must not lead
  // back to the relayer: that would be a loop made in one step.
  if (input.viaCitationId) await checkVia(tx, { claimId, viaCitationId: input.viaCitationId, citationId: relayer?.id, newSourceName: source.name });
  const citation = await tx.citation.create({
    data: {
      teamId: actor.teamId, claimId, sourceId: source.id, createdById: actor.userId,
      ...citationData(input),
      // Inserted between the relayer and whatever it relayed before, so no hop is lost.
      viaCitationId: input.viaCitationId ?? relayer?.viaCitationId ?? null,
    },
    select: { id: true },
  });
  if (relayer) {
    await tx.citation.update({ where: { id: relayer.id }, data: { viaCitationId: citation.id, isOrigin: false, revision: { increment: 1 } } });
  }
  await recordClaimEvent(tx, {
    ...claimEventBase(actor, claimId), type: "citation_added", to: describe(source, input.relation),
    note: relayer ? `${relayer.source.name} got it from ${source.name}` : (input.note ?? null),
  });
  const review = await reviewJudgement(tx, actor, claimId, { reason: `A citation of ${source.name} was added` });
  return { id: citation.id, sourceId: source.id, sourceName: source.name, signOffWithdrawn: review.signOffWithdrawn };
}

/** Locks the claim a citation belongs to, before the citation and its chain are read. */
function lockClaimOf(tx: Tx, citationId: string) {
  return lockReferencedRows(tx, "Claim", { from: "Citation", column: "claimId", ids: [citationId] });
}

export async function updateCitation(db: Db, actor: Actor, input: UpdateCitationInput) {
  return db.$transaction(async (tx) => {
    await lockClaimOf(tx, input.citationId);
    const current = await tx.citation.findFirst({
      where: { id: input.citationId, teamId: actor.teamId, deletedAt: null },
      select: { id: true, claimId: true, relation: true, isOrigin: true, source: { select: { name: true } } },
    });
    if (!current) throw citationNotFound();
    if (input.viaCitationId) await checkVia(tx, { claimId: current.claimId, viaCitationId: input.viaCitationId, citationId: current.id });
    const source = await resolveSource(tx, actor, { sourceId: input.sourceId });
    const updated = await tx.citation.updateMany({
      where: { id: current.id, revision: input.revision },
      data: { ...citationData(input), sourceId: source.id, revision: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", `Someone changed this citation of ${current.source.name} while you were editing it. Your change was not saved: reload to see theirs, then apply yours again.`);
    }
    const originNote = current.isOrigin !== input.isOrigin ? (input.isOrigin ? "Marked as the origin" : "No longer marked as the origin") : null;
    await recordClaimEvent(tx, {
      ...claimEventBase(actor, current.claimId), type: "citation_edited",
      from: describe(current.source, current.relation), to: describe(source, input.relation),
      note: [originNote, input.note].filter(Boolean).join(". ") || null,
    });
    await reviewJudgement(tx, actor, current.claimId, { reason: `The citation of ${current.source.name} was edited` });
  });
}

/**
 * Removing a citation others relay through splices it out of their chains (they now relay
 * what it relayed), so no chain is left pointing at nothing. The row stays, marked deleted.
 */
export async function removeCitation(db: Db, actor: Actor, input: { citationId: string }) {
  return db.$transaction(async (tx) => {
    await lockClaimOf(tx, input.citationId);
    const citation = await tx.citation.findFirst({
      where: { id: input.citationId, teamId: actor.teamId, deletedAt: null },
      select: { id: true, claimId: true, relation: true, viaCitationId: true, source: { select: { name: true } } },
    });
    if (!citation) throw citationNotFound();
    await tx.citation.updateMany({
      where: { viaCitationId: citation.id, deletedAt: null },
      data: { viaCitationId: citation.viaCitationId, revision: { increment: 1 } },
    });
    await tx.citation.update({ where: { id: citation.id }, data: { deletedAt: new Date(), viaCitationId: null, revision: { increment: 1 } } });
    await recordClaimEvent(tx, { ...claimEventBase(actor, citation.claimId), type: "citation_removed", from: describe(citation.source, citation.relation) });
    await reviewJudgement(tx, actor, citation.claimId, { reason: `The citation of ${citation.source.name} was removed` });
  });
}

/**
 * One click for "the article's own outlet says so": a citation of the article's outlet
 * (found or added in the registry) stating the claim, with the article's URL and the quote.
 */
export async function citeArticleOutlet(db: Db, actor: Actor, input: { claimId: string }) {
  const claim = await db.claim.findFirst({
    where: { id: input.claimId, teamId: actor.teamId, deletedAt: null },
    select: { id: true, quote: true, article: { select: { outlet: true, url: true } } },
  });
  if (!claim) throw new AppError("NOT_FOUND", "That claim no longer exists in this team.");
  const outlet = claim.article.outlet?.trim();
  if (!outlet) throw new AppError("INVALID_INPUT", "The article has no outlet recorded. Add the citation with the source's name instead.");
  return addCitation(db, actor, {
    claimId: claim.id, sourceName: outlet, sourceKind: "outlet", relation: "states", isOrigin: false,
    url: claim.article.url ?? undefined, passage: claim.quote, accessedAt: new Date(),
  });
}
