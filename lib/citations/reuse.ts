import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase } from "@/lib/claims/revision";
import type { Actor } from "@/lib/claims/revision";
import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";
import { citationRelationLabels } from "@/lib/sources/types";
import type { CitationRelation } from "@/lib/sources/types";
import { reviewJudgement } from "@/lib/verification/sign-off";

export type ReuseResult = { added: number; alreadyCited: number; fromArticleTitle: string };

const copiedFields = { id: true, sourceId: true, url: true, passage: true, accessedAt: true, archiveUrl: true, relation: true, viaCitationId: true, isOrigin: true, note: true } as const;

/** Two citations say the same: one source, address, passage and relation (a copy would repeat it). */
function sameCitationKey(citation: { sourceId: string; url: string | null; passage: string | null; relation: string }) {
  return JSON.stringify([citation.sourceId, citation.url ?? "", citation.passage ?? "", citation.relation]);
}

/**
 * "Reuse its citations and chain" ("checked before", docs/decisions/0023-checked-before.md): copies
 * another claim's live citations onto this claim, each pointing along its chain at the copy of the
 * citation it relayed, and records each as a citation added, as adding it by hand would. A
 * citation this claim already has (same source, address, passage and relation) is not copied
 * again but still takes its place in the chain, so a second click, or two editors at once, add
 * nothing twice: both claims are locked before either is read (ids in ascending order).
 */
export async function reuseCitations(db: Db, actor: Actor, input: { claimId: string; fromClaimId: string }): Promise<ReuseResult> {
  if (input.claimId === input.fromClaimId) throw new AppError("INVALID_INPUT", "A claim cannot reuse its own citations.");
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Claim", [input.claimId, input.fromClaimId]);
    const [target, from] = await Promise.all([
      tx.claim.findFirst({ where: { id: input.claimId, teamId: actor.teamId, deletedAt: null }, select: { id: true } }),
      tx.claim.findFirst({ where: { id: input.fromClaimId, teamId: actor.teamId, deletedAt: null }, select: { id: true, article: { select: { title: true } } } }),
    ]);
    if (!target) throw new AppError("NOT_FOUND", "That claim no longer exists in this team.");
    if (!from) throw new AppError("NOT_FOUND", "The claim checked before no longer exists in this team.");
    const [copies, existing] = await Promise.all([
      tx.citation.findMany({ where: { claimId: from.id, teamId: actor.teamId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: copiedFields }),
      tx.citation.findMany({ where: { claimId: target.id, teamId: actor.teamId, deletedAt: null }, select: copiedFields }),
    ]);
    if (copies.length === 0) throw new AppError("INVALID_INPUT", "The claim checked before cites no sources: there is nothing to reuse.");
    // A merged source's citations moved to its survivor; a copy cites the survivor too.
    const sources = await tx.source.findMany({ where: { teamId: actor.teamId, id: { in: copies.map((c) => c.sourceId) } }, select: { id: true, name: true, mergedIntoId: true } });
    await lockRows(tx, "Source", sources.map((source) => source.mergedIntoId ?? source.id));
    const survivorOf = new Map(sources.map((source) => [source.id, source.mergedIntoId ?? source.id]));
    const names = new Map((await tx.source.findMany({ where: { teamId: actor.teamId, id: { in: [...survivorOf.values()] } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));

    const existingByKey = new Map(existing.map((citation) => [sameCitationKey(citation), citation.id]));
    const copyOf = new Map<string, string>();
    let added = 0;
    let alreadyCited = 0;
    // Towards the origin first, so each copy's hop already has its copy; the chain has no loop
    // (lib/citations/via.ts refuses one), and a hop to a removed citation is dropped.
    let pending = copies;
    while (pending.length > 0) {
      const ready = pending.filter((c) => !c.viaCitationId || copyOf.has(c.viaCitationId) || !copies.some((other) => other.id === c.viaCitationId));
      if (ready.length === 0) throw new Error("A via chain with a loop: lib/citations/via.ts should have refused it.");
      for (const citation of ready) {
        const sourceId = survivorOf.get(citation.sourceId) ?? citation.sourceId;
        const key = sameCitationKey({ ...citation, sourceId });
        const already = existingByKey.get(key);
        if (already) {
          copyOf.set(citation.id, already);
          alreadyCited += 1;
          continue;
        }
        const { id: _id, viaCitationId, ...fields } = citation;
        const created = await tx.citation.create({
          data: { ...fields, sourceId, teamId: actor.teamId, claimId: target.id, createdById: actor.userId, viaCitationId: viaCitationId ? (copyOf.get(viaCitationId) ?? null) : null },
          select: { id: true },
        });
        copyOf.set(citation.id, created.id);
        existingByKey.set(key, created.id);
        added += 1;
        const relation = citationRelationLabels[citation.relation as CitationRelation]?.toLowerCase() ?? citation.relation;
        await recordClaimEvent(tx, {
          ...claimEventBase(actor, target.id), type: "citation_added", to: `${names.get(sourceId) ?? "A source"} (${relation})`,
          note: `Reused from a claim checked before in “${from.article.title}”`,
        });
      }
      pending = pending.filter((c) => !ready.includes(c));
    }
    if (added > 0) await reviewJudgement(tx, actor, target.id, { reason: "Citations were reused from a claim checked before" });
    return { added, alreadyCited, fromArticleTitle: from.article.title };
  });
}
