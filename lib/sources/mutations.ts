import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/config/prisma-client";
import { lockKey, lockRows } from "@/lib/config/row-locks";
import { recordClaimEvent } from "@/lib/claims/events";
import { AppError } from "@/lib/errors";
import { recordLiveChange } from "@/lib/live/changes";
import { SOURCE_UPDATED } from "@/lib/live/relevance";
import { reviewJudgement } from "@/lib/verification/sign-off";
import { findDuplicateSources, normalizeSourceName, type DuplicateMatch } from "./normalize";
import { parseDomains, readKind } from "./queries";
import type { CreateSourceInput, MergeSourcesInput, UpdateSourceInput } from "./schema";
import { registryKey } from "./registry-lock";
import type { Source } from "./types";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type Actor = { teamId: string; userId: string };

const sourceNotFound = () => new AppError("NOT_FOUND", "That source does not exist in this team.");

/**
 * Source changes go to the team's audit log; the detail names the source ids, which is how a
 * stale edit finds out who changed the source meanwhile.
 */
async function recordSourceAudit(tx: Tx, actor: Actor, type: `source.${"created" | "updated" | "merged"}`, detail: Record<string, unknown>) {
  await recordAuditEvent(tx, { type, userId: actor.userId, teamId: actor.teamId, detail });
}

function sourceData(input: CreateSourceInput) {
  return {
    name: input.name,
    nameKey: normalizeSourceName(input.name),
    kind: input.kind,
    homepage: input.homepage ?? null,
    domains: JSON.stringify(input.domains),
    notes: input.notes ?? null,
    reliability: input.reliability ?? null,
  };
}

/**
 * Refuses a likely duplicate unless the editor confirmed it is a different source. The registry
 * is locked first, so two editors adding one name at once add it once.
 */
async function assertNoDuplicate(tx: Tx, teamId: string, input: CreateSourceInput & { sourceId?: string }) {
  await lockKey(tx, registryKey(teamId));
  if (input.confirmDuplicate) return;
  const rows = await tx.source.findMany({
    where: { teamId, mergedIntoId: null },
    select: { id: true, name: true, kind: true, homepage: true, domains: true },
    orderBy: { createdAt: "asc" },
  });
  const existing: Source[] = rows.map((row) => ({ ...row, kind: readKind(row.kind), domains: parseDomains(row.domains) }));
  const matches = findDuplicateSources(existing, { id: input.sourceId, name: input.name, homepage: input.homepage, domains: input.domains });
  if (matches.length === 0) return;
  const message = `${matches.slice(0, 3).map(describeMatch).join("; ")}. Use the existing source, or confirm that this is a different one.`;
  throw new AppError("CONFLICT", message, {
    name: [message],
    confirmDuplicate: ["If this is a different source, confirm it below and submit again."],
  });
}

function describeMatch(match: DuplicateMatch): string {
  const why = match.reasons.map((reason) => (reason === "same domain" ? `same domain: ${match.sharedDomains.join(", ")}` : reason));
  return `“${match.source.name}” is already in the registry (${why.join("; ")})`;
}

/** Adds a source to the team's registry, e.g. inline from the citation form. */
export async function createSource(db: Db, actor: Actor, input: CreateSourceInput) {
  return db.$transaction(async (tx) => {
    await assertNoDuplicate(tx, actor.teamId, input);
    const source = await tx.source.create({
      data: { ...sourceData(input), teamId: actor.teamId, createdById: actor.userId },
      select: { id: true, name: true, kind: true },
    });
    await recordSourceAudit(tx, actor, "source.created", { sourceId: source.id, name: source.name });
    return { ...source, kind: readKind(source.kind) };
  });
}

/** Saves an edit only if nobody saved another since the editor loaded the source. */
export async function updateSource(db: Db, actor: Actor, input: UpdateSourceInput) {
  return db.$transaction(async (tx) => {
    const current = await tx.source.findFirst({ where: { id: input.sourceId, teamId: actor.teamId }, select: { id: true, mergedIntoId: true } });
    if (!current) throw sourceNotFound();
    if (current.mergedIntoId) throw new AppError("CONFLICT", "This source was merged into another one; edit that one instead.");
    await assertNoDuplicate(tx, actor.teamId, input);
    const updated = await tx.source.updateMany({
      where: { id: input.sourceId, teamId: actor.teamId, revision: input.revision, mergedIntoId: null },
      data: { ...sourceData(input), revision: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleEdit(tx, actor, input.sourceId);
    await recordSourceAudit(tx, actor, "source.updated", { sourceId: input.sourceId, name: input.name });
    // Open source maps show its name and kind: they fetch again (the feed does not say which source).
    await recordLiveChange(tx, { teamId: actor.teamId, kind: SOURCE_UPDATED, actorId: actor.userId });
    return { id: input.sourceId, name: input.name, revision: input.revision + 1 };
  });
}

/** The refusal of a stale save, saying who changed what, so no edit is silently lost. */
async function staleEdit(tx: Tx, actor: Actor, sourceId: string): Promise<AppError> {
  const [source, last] = await Promise.all([
    tx.source.findFirst({ where: { id: sourceId, teamId: actor.teamId }, select: { name: true, mergedIntoId: true } }),
    tx.auditEvent.findFirst({
      where: { teamId: actor.teamId, type: { in: ["source.updated", "source.merged"] }, detail: { contains: sourceId } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, user: { select: { name: true } } },
    }),
  ]);
  if (!source) return sourceNotFound();
  if (source.mergedIntoId) return new AppError("CONFLICT", `“${source.name}” was merged into another source while you were editing.`);
  const who = last ? `${last.user?.name ?? "Someone"} changed it at ${last.createdAt.toISOString().slice(11, 16)} UTC` : "Someone changed it";
  return new AppError("CONFLICT", `${who} while you were editing; it is now named “${source.name}”. Reload to see their change, then apply yours again.`);
}

/**
 * Merges duplicates into `keepId` in one transaction: their citations move over (each claim's
 * history says so), domains are united, notes appended, and the merged entries stay as
 * tombstones pointing at the kept one, so old links and the audit trail still resolve. Locked
 * first: the claims whose citations move (their verdicts are reviewed), the registry, the sources;
 * so a source merged meanwhile is refused, and a citation added meanwhile moves too.
 */
export async function mergeSources(db: Db, actor: Actor, input: MergeSourcesInput) {
  const mergeIds = [...new Set(input.mergeIds)];
  if (mergeIds.includes(input.keepId)) throw new AppError("INVALID_INPUT", "A source cannot be merged into itself.", { mergeIds: ["Leave out the source you keep."] });
  return db.$transaction(async (tx) => {
    await lockRows(tx, "Claim", await claimsCiting(tx, actor.teamId, mergeIds));
    await lockKey(tx, registryKey(actor.teamId));
    await lockRows(tx, "Source", [input.keepId, ...mergeIds]);
    const rows = await tx.source.findMany({
      where: { id: { in: [input.keepId, ...mergeIds] }, teamId: actor.teamId },
      select: { id: true, name: true, homepage: true, domains: true, notes: true, reliability: true, mergedIntoId: true },
    });
    const keep = rows.find((row) => row.id === input.keepId);
    const merged = mergeIds.map((id) => rows.find((row) => row.id === id));
    if (!keep || merged.some((row) => !row)) throw sourceNotFound();
    const sources = merged as (typeof keep)[];
    const gone = [keep, ...sources].find((row) => row.mergedIntoId);
    if (gone) throw new AppError("CONFLICT", `“${gone.name}” was already merged into another source. Reload the registry.`);
    const moved = await tx.citation.findMany({ where: { teamId: actor.teamId, sourceId: { in: mergeIds } }, select: { claimId: true, sourceId: true } });
    // A claim that cited them in the meantime (before the sources were locked) is locked too.
    await lockRows(tx, "Claim", moved.map((citation) => citation.claimId));
    await tx.citation.updateMany({ where: { teamId: actor.teamId, sourceId: { in: mergeIds } }, data: { sourceId: keep.id, revision: { increment: 1 } } });
    await tx.source.update({ where: { id: keep.id }, data: { ...combineFields(keep, sources), revision: { increment: 1 } } });
    await tx.source.updateMany({ where: { teamId: actor.teamId, id: { in: mergeIds } }, data: { mergedIntoId: keep.id, revision: { increment: 1 } } });
    // Earlier tombstones follow along, so every old entry points straight at a live one.
    await tx.source.updateMany({ where: { teamId: actor.teamId, mergedIntoId: { in: mergeIds } }, data: { mergedIntoId: keep.id } });
    const nameOf = new Map(sources.map((row) => [row.id, row.name]));
    const claims = new Map<string, Set<string>>();
    for (const citation of moved) claims.set(citation.claimId, (claims.get(citation.claimId) ?? new Set()).add(nameOf.get(citation.sourceId) ?? ""));
    for (const [claimId, names] of claims) {
      const from = [...names].join(", ");
      await recordClaimEvent(tx, {
        teamId: actor.teamId, claimId, actorId: actor.userId, type: "citation_edited", from, to: keep.name,
        note: `Source${names.size > 1 ? "s" : ""} ${from} merged into ${keep.name}`,
      });
      // Two origins may now be one: the evidence a verdict rested on is not what it was.
      await reviewJudgement(tx, actor, claimId, { reason: `${from} was merged into ${keep.name} in the source registry` });
    }
    await recordSourceAudit(tx, actor, "source.merged", {
      keepId: keep.id, keepName: keep.name, merged: sources.map((row) => ({ id: row.id, name: row.name })), citationsMoved: moved.length,
    });
    return { keepId: keep.id, mergedCount: sources.length, citationsMoved: moved.length, claimsAffected: claims.size };
  });
}

async function claimsCiting(tx: Tx, teamId: string, sourceIds: string[]): Promise<string[]> {
  const citations = await tx.citation.findMany({ where: { teamId, sourceId: { in: sourceIds } }, select: { claimId: true }, distinct: ["claimId"] });
  return citations.map((citation) => citation.claimId);
}

type Mergeable = { name: string; homepage: string | null; domains: string; notes: string | null; reliability: string | null };

/** The kept source's fields after taking in the others: nothing an editor wrote is dropped. */
function combineFields(keep: Mergeable, others: readonly Mergeable[]) {
  const domains = new Set([keep, ...others].flatMap((row) => parseDomains(row.domains)));
  const appended = (field: "notes" | "reliability") =>
    [keep[field], ...others.filter((row) => row[field]?.trim()).map((row) => `Merged from ${row.name}: ${row[field]}`)].filter(Boolean).join("\n\n") || null;
  return {
    homepage: keep.homepage ?? others.find((row) => row.homepage)?.homepage ?? null,
    domains: JSON.stringify([...domains]),
    notes: appended("notes"),
    reliability: appended("reliability"),
  };
}
