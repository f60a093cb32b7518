import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Writes `count` claims straight into the tables, for size tests: through the mutations, 500
 * claims with their citations, verdicts and history would take minutes. Each claim gets a
 * three-hop chain (outlet ← agency ← document marked as the origin) with a capture, a final
 * verdict on two claims in three, six history rows and a comment, like a busy real article.
 */
export async function seedManyClaims(db: Db, input: { teamId: string; userId: string; articleId: string; count: number }) {
  const { teamId, userId, articleId, count } = input;
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true } });
  const id = () => randomUUID();
  const sources = ["Daily Planet", "Wire Agency", "Official Record"].map((name, index) => ({
    id: id(), teamId, name: `${name} ${articleId.slice(-4)}`, nameKey: `${name} ${articleId.slice(-4)}`.toLowerCase(),
    kind: index === 2 ? ("document" as const) : ("outlet" as const), createdById: userId,
  }));
  await db.source.createMany({ data: sources });
  const verdicts = ["accurate", "false", "misleading", "unsubstantiated", "not_checkable"] as const;
  const claims: Prisma.ClaimCreateManyInput[] = [];
  const events: Prisma.ClaimEventCreateManyInput[] = [];
  const comments: Prisma.ClaimCommentCreateManyInput[] = [];
  const captures: Prisma.SourceCaptureCreateManyInput[] = [];
  // By hop, origins first: a via must point at a row that already exists.
  const hops: Prisma.CitationCreateManyInput[][] = [[], [], []];
  const at = (minutes: number) => new Date(Date.UTC(2025, 4, 1, 8, minutes));
  for (let index = 0; index < count; index += 1) {
    const claimId = id();
    const hasVerdict = index % 3 !== 2;
    const statement = `Claim ${index + 1}: the figure for region ${index} rose by ${index % 40} percent, "officials" said, =unsafe & <odd> text.`;
    claims.push({
      id: claimId, teamId, articleId, versionId: version.id, position: index + 1, quote: statement, prefix: "", suffix: "", start: 0, end: 10, statement,
      status: hasVerdict ? "done" : "in_progress", verdict: hasVerdict ? verdicts[index % verdicts.length] : null,
      rationale: hasVerdict ? `Checked against the official record for region ${index}; the numbers match the published table.` : null,
      verdictById: hasVerdict ? userId : null, verdictAt: hasVerdict ? at(30) : null, createdById: userId,
    });
    const [outlet, agency, origin] = [id(), id(), id()];
    hops[0].push(
      { id: origin, teamId, claimId, sourceId: sources[2].id, relation: "states", isOrigin: true, url: `https://records.example/${index}`, passage: `Table ${index}: up ${index % 40}%.`, createdById: userId, captureState: "found", capturedAt: at(20) },
    );
    hops[1].push(
      { id: agency, teamId, claimId, sourceId: sources[1].id, relation: "states", viaCitationId: origin, url: `https://wire.example/${index}`, archiveUrl: `https://archive.example/wire/${index}`, createdById: userId },
    );
    hops[2].push(
      { id: outlet, teamId, claimId, sourceId: sources[0].id, relation: "states", viaCitationId: agency, url: `https://planet.example/${index}`, accessedAt: at(5), createdById: userId },
    );
    captures.push({ teamId, citationId: origin, url: `https://records.example/${index}`, sha256: "a".repeat(64), passageState: "found", fetchedById: userId, fetchedAt: at(20) });
    for (const [minute, type, to] of [[1, "created", statement], [2, "citation_added", "Daily Planet (states)"], [3, "citation_added", "Wire Agency (states)"], [4, "citation_added", "Official Record (states)"], [30, "verdict_given", "Accurate"], [31, "status_changed", "Done"]] as const) {
      events.push({ teamId, claimId, actorId: userId, type, toValue: to, note: type === "verdict_given" ? "Checked against the record." : null, createdAt: at(minute) });
    }
    comments.push({ teamId, claimId, authorId: userId, body: `Double-check region ${index} with the desk.`, createdAt: at(10) });
  }
  await db.claim.createMany({ data: claims });
  for (const hop of hops) await db.citation.createMany({ data: hop });
  await db.sourceCapture.createMany({ data: captures });
  await db.claimEvent.createMany({ data: events });
  await db.claimComment.createMany({ data: comments });
}
