import type { Db } from "@/lib/config/prisma-client";
import { runParseTask, type ParseRunner } from "@/lib/parsing/parse-pool";
import type { TextRange } from "./locate-passage";

export type { TextRange } from "./locate-passage";

/**
 * One capture for the snapshot viewer, scoped by team (another team's id is
 * null), with where the citation's current passage sits in the stored text.
 */
export async function getCapture(db: Db, teamId: string, captureId: string, runner?: ParseRunner) {
  const capture = await db.sourceCapture.findFirst({
    where: { id: captureId, teamId },
    select: {
      id: true, url: true, finalUrl: true, httpStatus: true, contentType: true, text: true, sha256: true,
      passageState: true, passageScore: true, passageWording: true, comparedWording: true, error: true, fetchedAt: true,
      fetchedBy: { select: { name: true } },
      citation: {
        select: {
          id: true, passage: true, captureState: true,
          source: { select: { name: true } },
          claim: { select: { id: true, articleId: true, statement: true } },
        },
      },
    },
  });
  if (!capture) return null;
  const { text } = capture;
  const passage = capture.citation.passage;
  return { ...capture, highlights: text && passage ? await findHighlights(text, passage, runner) : [] };
}

/** The passage's place in the snapshot, searched off the request thread; none if that overruns. */
async function findHighlights(text: string, passage: string, runner?: ParseRunner): Promise<TextRange[]> {
  const outcome = await runParseTask("locatePassage", { text, passage }, runner);
  if (outcome.ok) return outcome.value;
  if (outcome.failure === "failed") console.error("Snapshot passage search failed", outcome.detail);
  return [];
}

/** A citation's captures, newest first, without their (possibly large) texts. */
export async function listCaptures(db: Db, teamId: string, citationId: string) {
  return db.sourceCapture.findMany({
    where: { citationId, teamId },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: {
      id: true, finalUrl: true, httpStatus: true, sha256: true, passageState: true, passageScore: true, error: true, fetchedAt: true,
      fetchedBy: { select: { name: true } },
    },
  });
}
