import type { Tx } from "@/lib/claims/revision";
import { AppError } from "@/lib/errors";

/**
 * A citation may relay only another live citation of the same claim, and never itself
 * through a loop: following the via links from the new target must not come back to it.
 * `citationId` is the citation whose via is set (on edit), or the one that will relay a new
 * citation (on create with "trace further"); `newSourceName` names the new citation's source.
 * Called inside the transaction that writes the link, so the links read are the ones it changes.
 */
export async function checkVia(tx: Tx, input: { claimId: string; viaCitationId: string; citationId?: string; newSourceName?: string }) {
  const citations = await tx.citation.findMany({
    where: { claimId: input.claimId, deletedAt: null },
    select: { id: true, viaCitationId: true, source: { select: { name: true } } },
  });
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  if (!byId.has(input.viaCitationId)) {
    throw new AppError("INVALID_INPUT", "A citation can only be cited via another citation of the same claim.", { viaCitationId: ["Choose one of this claim's citations"] });
  }
  if (!input.citationId) return;
  const loop: string[] = [];
  for (let current = byId.get(input.viaCitationId); current; current = current.viaCitationId ? byId.get(current.viaCitationId) : undefined) {
    loop.push(current.source.name);
    if (current.id === input.citationId) {
      const names = input.newSourceName ? [input.newSourceName, ...loop] : loop;
      throw new AppError("INVALID_INPUT", `That would make a loop: ${names.join(" ← ")}. A source cannot be its own origin.`, {
        viaCitationId: ["This choice makes the chain loop"],
      });
    }
    if (loop.length > citations.length) break;
  }
}
