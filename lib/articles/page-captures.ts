import type { Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import { applyCleaning, listLines } from "./clean";
import { hashContent } from "./content-hash";
import type { PageCapture } from "./fetch-article";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Actor = { teamId: string; userId: string };

// A capture that no import took within this long was abandoned at the preview.
const UNUSED_CAPTURE_MS = 24 * 60 * 60 * 1000;

/**
 * Records a page fetched for an import preview, not yet tied to a version; the import that
 * stores the previewed text takes it (attachCapture). Captures abandoned a day ago go.
 */
export async function recordPageCapture(db: Db, actor: Actor, capture: PageCapture): Promise<string> {
  const before = new Date(capture.fetchedAt.getTime() - UNUSED_CAPTURE_MS);
  await db.articleCapture.deleteMany({ where: { teamId: actor.teamId, versionId: null, fetchedAt: { lt: before } } });
  const row = await db.articleCapture.create({
    data: { ...capture, teamId: actor.teamId, fetchedById: actor.userId },
    select: { id: true },
  });
  return row.id;
}

/**
 * Ties the page an editor previewed to the version made from it, inside the import's
 * transaction. Only the editor who fetched it may, once, and only for the text read from it:
 * a capture vouches for that text, not for whatever a form sends back.
 */
export async function attachCapture(tx: Tx, actor: Actor, captureId: string, versionId: string, text: string): Promise<void> {
  const capture = await tx.articleCapture.findFirst({
    where: { id: captureId, teamId: actor.teamId, fetchedById: actor.userId },
    select: { textHash: true },
  });
  if (!capture) throw new AppError("NOT_FOUND", "The fetched page is no longer on record (a preview is kept for a day). Fetch the page again.");
  if (capture.textHash !== hashContent(text)) {
    throw new AppError("INVALID_INPUT", "The text is not the one read from the fetched page. Fetch the page again.");
  }
  // Conditional, so two imports of one preview cannot both take it (Read Committed re-checks the row).
  const taken = await tx.articleCapture.updateMany({ where: { id: captureId, versionId: null }, data: { versionId } });
  if (taken.count === 0) throw new AppError("CONFLICT", "This fetched page was already imported. Open the article, or fetch the page again.");
}

export type UnchangedVersion = { number: number; createdAt: Date };

/**
 * Is a re-fetched text the article's latest version? The debris lines the editor removed from
 * that version are removed from the new text first, so only the article's words are compared.
 */
export async function findUnchangedVersion(db: Db, teamId: string, articleId: string, text: string): Promise<UnchangedVersion | null> {
  const latest = await db.articleVersion.findFirst({
    where: { articleId, teamId },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, contentHash: true, removedLines: true },
  });
  if (!latest) return null;
  const removed = new Set(parseRemovedLines(latest.removedLines));
  const indices = listLines(text).filter((line) => removed.has(line.text)).map((line) => line.index);
  return hashContent(applyCleaning(text, indices)) === latest.contentHash ? { number: latest.number, createdAt: latest.createdAt } : null;
}

function parseRemovedLines(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((line): line is string => typeof line === "string") : [];
  } catch {
    return [];
  }
}

/** The address a re-fetch asks for: the one the latest capture fetched, else the article's own. */
export async function findRefetchAddress(db: Db, teamId: string, articleId: string): Promise<string | null> {
  const capture = await db.articleCapture.findFirst({
    where: { teamId, version: { articleId } },
    orderBy: { fetchedAt: "desc" },
    select: { url: true },
  });
  if (capture) return capture.url;
  const article = await db.article.findFirst({ where: { id: articleId, teamId }, select: { url: true } });
  return article?.url ?? null;
}
