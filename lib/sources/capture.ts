import { z } from "zod";
import { recordClaimEvent } from "@/lib/claims/events";
import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chargeTeamStorage, refuseWhenStorageFull, storedBytes } from "@/lib/limits/caps";
import { getParsePool, runParseTask, type ParseRunner } from "@/lib/parsing/parse-pool";
import { reviewJudgement } from "@/lib/verification/sign-off";
import { fetchPage, FetchPageError, type FetchedPage, type FetchPageOptions } from "./fetch-page";
import { markElisions, type PassageMatch } from "./passage";
import { describeFigureChange, diffWords, listFigureChanges } from "./passage-diff";
import { hashSnapshot } from "./snapshot";

export const captureCitationSchema = z.object({ citationId: z.string().min(1).max(64) });
export type CaptureCitationInput = z.infer<typeof captureCitationSchema>;

/** A citation's reading after a capture; "no_passage" when nothing was cited word for word. */
export type CaptureState = "found" | "fuzzy" | "missing" | "changed" | "vanished" | "unreachable" | "no_passage";
/** What one capture saw, on its own (SourceCapture.passageState). */
export type PassageState = "found" | "fuzzy" | "missing" | "no_passage" | "failed";
export type CaptureSummary = { state: CaptureState; message: string; captureId: string; sha256: string | null };
export type CaptureDeps = { fetchPage?: typeof fetchPage; fetchOptions?: FetchPageOptions; now?: () => Date; parser?: ParseRunner };

type Actor = { teamId: string; userId: string };
/** An earlier capture; `closest` is the passage's closest wording in its text when that is known. */
export type Prior = { id: string; sha256: string | null; passageState: string; fetchedAt: Date; closest?: string | null };
export type Reading = { passageState: PassageState; score: number | null; closest: string | null; isTooLong: boolean };

/**
 * Capture a citation's page and check its passage. The fetch runs before, not
 * inside, the transaction that stores the snapshot: a slow site must not hold
 * the database's write lock. Old captures are never rewritten; each is evidence.
 */
export async function captureCitation(db: Db, actor: Actor, input: CaptureCitationInput, deps: CaptureDeps = {}): Promise<CaptureSummary> {
  const citation = await loadCitation(db, actor.teamId, input.citationId);
  await refuseWhenStorageFull(db, actor.teamId);
  const parser = deps.parser ?? getParsePool();
  const priors = await loadPriors(db, citation.id, citation.passage, parser);
  const snapshot = await inspectPage(await fetchOrExplain(citation.url, { ...deps, parser }), citation.passage, parser);
  const fetchedAt = deps.now?.() ?? new Date();
  const { state, message, comparedWording } = judgeCapture({ ...snapshot, priors, passage: citation.passage, error: snapshot.error?.message ?? null });
  const { page, error, sha256, reading } = snapshot;
  return db.$transaction(async (tx) => {
    // The team (its storage), then the claim (its sign-off is reviewed below), as every writer takes them.
    await chargeTeamStorage(tx, actor.teamId, storedBytes(page?.text));
    await lockRows(tx, "Claim", [citation.claimId]);
    const updated = await tx.citation.updateMany({
      where: { id: citation.id, teamId: actor.teamId, deletedAt: null },
      data: { captureState: state, capturedAt: fetchedAt },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "This citation was removed while its page was being fetched; nothing was stored.");
    const capture = await tx.sourceCapture.create({
      data: {
        teamId: actor.teamId, citationId: citation.id, url: citation.url, fetchedById: actor.userId, fetchedAt,
        finalUrl: page?.finalUrl ?? error?.finalUrl ?? null, httpStatus: page?.httpStatus ?? error?.httpStatus ?? null,
        contentType: page?.contentType ?? null, text: page?.text ?? null, sha256,
        passageState: reading.passageState, passageScore: reading.score, passageWording: reading.closest, comparedWording, error: error?.message ?? null,
      },
      select: { id: true },
    });
    await recordClaimEvent(tx, {
      teamId: actor.teamId, claimId: citation.claimId, actorId: actor.userId, type: "citation_captured", from: citation.captureState, to: state, note: message,
    });
    // The source no longer says what was cited: a sign-off given for that evidence lapses.
    if (state === "changed" || state === "vanished") {
      const what = state === "vanished" ? "is no longer on the cited page" : "changed on the cited page";
      await reviewJudgement(tx, actor, citation.claimId, { reason: `A capture found that the cited passage ${what}`, force: true });
    }
    return { state, message, captureId: capture.id, sha256 };
  });
}

async function loadCitation(db: Db, teamId: string, citationId: string) {
  const citation = await db.citation.findFirst({
    where: { id: citationId, teamId },
    select: { id: true, claimId: true, url: true, passage: true, captureState: true, deletedAt: true, claim: { select: { deletedAt: true } } },
  });
  if (!citation) throw new AppError("NOT_FOUND", "This citation does not exist in this team.");
  if (citation.deletedAt || citation.claim.deletedAt) throw new AppError("INVALID_INPUT", "This citation was removed, so its page is not captured.");
  const url = citation.url?.trim();
  if (!url) throw new AppError("INVALID_INPUT", "This citation has no link to capture. Add the page's address first.");
  return { ...citation, url };
}

/**
 * Earlier successful captures, newest first, with the wording each found. Only the newest one's
 * wording can matter (hasWordingMoved): a capture stored before wordings were kept has its
 * passage looked for in its text again when it was a fuzzy match.
 */
async function loadPriors(db: Db, citationId: string, passage: string | null, parser: ParseRunner): Promise<Prior[]> {
  const rows = await db.sourceCapture.findMany({
    where: { citationId, passageState: { not: "failed" } },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: { id: true, sha256: true, passageState: true, fetchedAt: true, passageWording: true },
  });
  const priors: Prior[] = rows.map(({ passageWording, ...prior }) => ({ ...prior, ...(passageWording === null ? {} : { closest: passageWording }) }));
  const latest = priors[0];
  if (latest?.passageState !== "fuzzy" || latest.closest !== undefined || !passage) return priors;
  const { text } = await db.sourceCapture.findUniqueOrThrow({ where: { id: latest.id }, select: { text: true } });
  if (text) latest.closest = (await searchPassage(text, passage, parser))?.closest;
  return priors;
}

async function fetchOrExplain(url: string, deps: CaptureDeps & { parser: ParseRunner }): Promise<FetchedPage | { error: FetchPageError }> {
  try {
    return await (deps.fetchPage ?? fetchPage)(url, { parser: deps.parser, ...(deps.fetchOptions ?? readFetchOptions()) });
  } catch (error) {
    if (error instanceof FetchPageError) return { error };
    throw error;
  }
}

/** The fetch limits and allowances of lib/env.ts (CAPTURE_*), shared by every fetch of a page. */
export function readFetchOptions(): FetchPageOptions {
  const env = getEnv();
  return {
    allowPrivate: env.CAPTURE_ALLOW_PRIVATE,
    allowedPorts: env.CAPTURE_ALLOWED_PORTS,
    timeoutMs: env.CAPTURE_TIMEOUT_MS,
    maxBytes: env.CAPTURE_MAX_BYTES,
  };
}

type Snapshot = { page: FetchedPage | null; error: FetchPageError | null; sha256: string | null; reading: Reading };

async function inspectPage(outcome: FetchedPage | { error: FetchPageError }, passage: string | null, parser: ParseRunner): Promise<Snapshot> {
  if ("error" in outcome) {
    return { page: null, error: outcome.error, sha256: null, reading: { passageState: "failed", score: null, closest: null, isTooLong: false } };
  }
  return { page: outcome, error: null, sha256: hashSnapshot(outcome.text), reading: await readPassage(outcome.text, passage, parser) };
}

async function readPassage(text: string, passage: string | null, parser: ParseRunner): Promise<Reading> {
  if (!passage?.trim()) return { passageState: "no_passage", score: null, closest: null, isTooLong: false };
  // A search that overruns the parsing budget is reported like a page too long to compare.
  const match = (await searchPassage(text, passage, parser)) ?? { kind: "too_long", score: 0, closest: null };
  const passageState = match.kind === "exact" ? "found" : match.kind === "fuzzy" ? "fuzzy" : "missing";
  return { passageState, score: match.score, closest: match.closest, isTooLong: match.kind === "too_long" };
}

/** findPassage on a parsing worker: the approximate search over a long page takes seconds. */
async function searchPassage(text: string, passage: string, parser: ParseRunner): Promise<PassageMatch | null> {
  const outcome = await runParseTask("findPassage", { text, passage }, parser);
  if (outcome.ok) return outcome.value;
  if (outcome.failure === "failed") throw new Error(`Passage search failed: ${outcome.detail}`);
  return null;
}

export type Judgement = { reading: Reading; sha256: string | null; priors: Prior[]; passage: string | null; error: string | null };
export type CaptureVerdict = { state: CaptureState; message: string; comparedWording: string | null };

/**
 * The citation's state, judged against earlier captures (newest first). Once a
 * passage was found word for word, a later approximate match is "changed" and
 * a miss is "vanished", however many re-checks later, until it is found again.
 * A close match that gives other figures than the wording it is compared with
 * is "changed" too, never merely approximate: "94 → 107" is a different claim.
 * `comparedWording` is what the page's wording was compared with (kept with the
 * capture, so the claim page can show what was removed and added).
 */
export function judgeCapture({ reading, sha256, priors, passage, error }: Judgement): CaptureVerdict {
  const hash = `sha256 ${sha256?.slice(0, 12)}…`;
  const percent = `${Math.round((reading.score ?? 0) * 100)}% match`;
  const latest = priors[0];
  const lastExact = priors.find((prior) => prior.passageState === "found");
  const lastFound = priors.find((prior) => prior.passageState === "found" || prior.passageState === "fuzzy");
  const cited = passage?.trim() ? markElisions(passage) : null;
  const judged = (state: CaptureState, message: string, comparedWording = cited): CaptureVerdict => ({ state, message, comparedWording });
  switch (reading.passageState) {
    case "failed":
      return judged("unreachable", `Page could not be captured: ${error}`, null);
    case "no_passage":
      return judged("no_passage", `Page captured (${hash}); no passage is cited to check.`, null);
    case "found":
      return latest && latest.sha256 !== sha256
        ? judged("found", `Passage still found; the page changed since the capture of ${formatDay(latest.fetchedAt)} (${hash}).`)
        : judged("found", `Passage found in the page (${hash}).`);
    case "fuzzy": {
      const hasMoved = !lastExact && latest?.passageState === "fuzzy" && latest.sha256 !== sha256 && hasWordingMoved(latest, reading.closest);
      // Compared with what the page said when it last matched: the cited words, or its own earlier wording.
      const compared = hasMoved && latest.closest ? latest.closest : cited;
      const figures = describeFigures(compared, reading.closest);
      const detail = `(${figures ? `${percent} of the wording otherwise` : percent}, ${hash})`;
      if (lastExact) {
        return judged("changed", `Passage changed since the capture of ${formatDay(lastExact.fetchedAt)}: ${figures ? `the figures differ, ${figures}` : "now only an approximate match"} ${detail}.`, compared);
      }
      if (hasMoved) {
        return judged("changed", `Passage changed since the capture of ${formatDay(latest.fetchedAt)}: ${figures ? `the figures differ, ${figures}` : "the page words it differently now"} ${detail}.`, compared);
      }
      if (figures) return judged("changed", `The page gives other figures than the cited passage: ${figures} ${detail}.`, compared);
      return judged("fuzzy", `Passage found approximately (${percent}, ${hash}); compare the wording in the snapshot.`, compared);
    }
    case "missing":
      if (lastFound) return judged("vanished", `Passage vanished since the capture of ${formatDay(lastFound.fetchedAt)} (${hash}).`);
      return reading.isTooLong
        ? judged("missing", `Passage not found word for word, and the page is too long to look for a close match (${hash}).`)
        : judged("missing", `Passage not found in the page (${hash}).`);
  }
}

/** "94 → 107, 12 added" when the figures of two wordings differ, else null. */
function describeFigures(before: string | null, after: string | null): string | null {
  if (!before || !after) return null;
  const changes = listFigureChanges(diffWords(markElisions(before), markElisions(after)));
  return changes.length > 0 ? changes.map(describeFigureChange).join(", ") : null;
}

/** Did the closest wording differ in the previous snapshot? Unknown counts as moved. */
function hasWordingMoved(previous: Prior, closest: string | null): boolean {
  return previous.closest === undefined || previous.closest !== closest;
}

function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
