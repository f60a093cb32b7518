import { chainCitationSelect, chainSourceSelect, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { recordClaimEvent, type HistoryRow } from "@/lib/claims/events";
import { syncClaimMatchIndex } from "@/lib/claims/matching/store";
import { claimEventBase, claimNotFound, claimRevision } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import type { ClaimStatus } from "@/lib/claims/status";
import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";
import { traceClaim } from "@/lib/sources/chain";
import { listCaptureWarnings } from "./capture-warnings";
import { claimStateSelect, describeClaimChange } from "./claim-change";
import { digestJudgement, isSignOffCurrent } from "./judgement";
import { canSignOff, checkVerdict } from "./rules";
import type { GiveVerdictInput, SetStatusInput } from "./schema";
import { getVerificationSettings } from "./settings";
import type { VerificationSettings } from "./settings";
import { findFinalVerdicts } from "./sign-off";
import { checkTransition } from "./status";
import { recordStatusChange, writeStatus } from "./status-events";
import { isVerdict, labelVerdict } from "./verdicts";
import type { Verdict } from "./verdicts";

const verdictFields = {
  statement: true, quote: true, verdict: true, rationale: true, verdictById: true, signedOffById: true, signedOffDigest: true, status: true, revision: true,
} as const;

/**
 * The claim, read once it is locked: its citations, verdict and sign-off stay as read until this
 * commits, so a check of the evidence still holds when the verdict, sign-off or state is written.
 */
async function findLiveClaim(tx: Tx, actor: Actor, claimId: string) {
  await lockRows(tx, "Claim", [claimId]);
  const claim = await tx.claim.findFirst({ where: { id: claimId, teamId: actor.teamId, deletedAt: null }, select: { id: true, ...verdictFields } });
  if (!claim) throw claimNotFound();
  return claim;
}

/** The same, with the fields of the change's answer (claim-change.ts), for a change that writes only its state. */
async function findLiveClaimState(tx: Tx, actor: Actor, claimId: string) {
  await lockRows(tx, "Claim", [claimId]);
  const claim = await tx.claim.findFirst({ where: { id: claimId, teamId: actor.teamId, deletedAt: null }, select: claimStateSelect });
  if (!claim) throw claimNotFound();
  return claim;
}

/**
 * The claim's live citations, and the evidence rules checked for `verdict` against them as they
 * stand now, what their latest captures found included.
 */
async function checkEvidence(tx: Tx, claim: { id: string }, verdict: Verdict, rationale: string | null, settings: VerificationSettings) {
  const rows = await tx.citation.findMany({
    where: { claimId: claim.id, deletedAt: null },
    select: { ...chainCitationSelect, captureState: true, source: { select: chainSourceSelect } },
  });
  const citations = rows.map(({ captureState: _state, ...citation }) => citation);
  const chainCitations = citations.map(toChainCitation);
  const trace = traceClaim(chainCitations, citations.map((citation) => toChainSource(citation.source)));
  const captureWarnings = listCaptureWarnings(rows.map((row) => ({ ...row, sourceName: row.source.name })));
  return { citations, check: checkVerdict({ verdict, rationale, citations: chainCitations, trace, teamRules: settings.rules, labels: settings.labels, captureWarnings }) };
}

/**
 * Moves a claim through the workflow (lib/verification/status.ts); "Done" needs a final verdict,
 * which where the team requires a sign-off means one given for what the claim says and cites now.
 * Each change below answers with what it did (claim-change.ts).
 *
 * The claim is read once, under its lock, with everything the answer shows: only this
 * transaction can change it until it ends, and it changes only the state and the revision (both
 * in the revision check's one conditional UPDATE), so the answer is that row with those two
 * applied, and the notifications take the claim's people from it. The team's settings are read
 * only when something needs them (a move to "Done", a verdict's label).
 */
export async function setClaimStatus(db: Db, actor: Actor, input: SetStatusInput) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaimState(tx, actor, input.claimId);
    // Only "Done" asks for a final verdict: other moves cost no look at the settings or the citations.
    const settings = input.status === "done" ? await getVerificationSettings(tx, actor.teamId) : undefined;
    const hasFinalVerdict = settings !== undefined && (await findFinalVerdicts(tx, settings.rules, [claim])).has(claim.id);
    const check = checkTransition({ from: claim.status as ClaimStatus, to: input.status, hasFinalVerdict, note: input.note });
    if (!check.ok) throw new AppError("INVALID_INPUT", check.problems.join(" "), { status: check.problems });
    // Under strict rules "Done" also asks the verdict's evidence to hold as its pages were last captured.
    if (settings?.rules.strictCaptures && claim.verdict === "accurate") {
      const { check: evidence } = await checkEvidence(tx, claim, claim.verdict, claim.rationale, settings);
      if (!evidence.ok) throw new AppError("INVALID_INPUT", `This claim cannot be done yet: ${evidence.problems.join(" ")}`, { status: evidence.problems });
    }
    await claimRevision(tx, actor, claim.id, input.revision, { status: input.status });
    const event = await recordStatusChange(tx, actor, claim, input.status, { note: input.note, notify: { claim } });
    const now = { ...claim, status: input.status, revision: claim.revision + 1 };
    return describeClaimChange(tx, actor, claim.id, { since: input.revision, events: [event] }, { claim: now, settings });
  });
}

/**
 * Records the team's verdict with its rationale, after the evidence rules are checked against the
 * claim's citations as they stand now. Where the team requires a sign-off, the claim goes to
 * "Needs review"; otherwise an unchecked claim is at least "In progress".
 */
export async function giveVerdict(db: Db, actor: Actor, input: GiveVerdictInput) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    const settings = await getVerificationSettings(tx, actor.teamId);
    const { check } = await checkEvidence(tx, claim, input.verdict, input.rationale, settings);
    if (!check.ok) throw new AppError("INVALID_INPUT", check.problems.join(" "), { rationale: check.problems });
    await claimRevision(tx, actor, claim.id, input.revision);
    await tx.claim.update({
      where: { id: claim.id },
      data: { verdict: input.verdict, rationale: input.rationale, verdictById: actor.userId, verdictAt: new Date(), signedOffById: null, signedOffAt: null, signedOffDigest: null },
    });
    await syncClaimMatchIndex(tx, [claim.id]);
    const from = claim.verdict && isVerdict(claim.verdict) ? labelVerdict(claim.verdict, settings.labels) : null;
    const events = [await recordClaimEvent(tx, {
      ...claimEventBase(actor, claim.id), type: "verdict_given", from, to: labelVerdict(input.verdict, settings.labels), note: input.rationale,
      notify: { judges: [claim.verdictById, claim.signedOffById], requestsSignOff: check.needsSignOff },
    })];
    const next: ClaimStatus | null = check.needsSignOff
      ? (claim.status === "needs_review" ? null : "needs_review")
      : claim.status === "unchecked" ? "in_progress" : null;
    if (next) events.push(await writeStatus(tx, actor, claim, next, check.needsSignOff ? "Verdict awaits a second editor's sign-off" : "Verdict given"));
    return { needsSignOff: check.needsSignOff, ...(await describeClaimChange(tx, actor, claim.id, { since: input.revision, events })) };
  });
}

/**
 * A second editor confirms the verdict; the one who gave it cannot. The sign-off records a digest
 * of what it confirms (statement, quote, verdict, rationale, cited evidence: judgement.ts), so it
 * counts only while the claim still says and cites exactly that.
 */
export async function signOffVerdict(db: Db, actor: Actor, input: { claimId: string; revision: number; note?: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    if (!claim.verdict || !claim.verdictById || !isVerdict(claim.verdict)) throw new AppError("INVALID_INPUT", "There is no verdict to sign off yet.");
    if (!canSignOff({ verdictBy: claim.verdictById, signer: actor.userId })) {
      throw new AppError("FORBIDDEN", "You gave this verdict, so a second editor has to sign it off.");
    }
    const settings = await getVerificationSettings(tx, actor.teamId);
    const { citations, check } = await checkEvidence(tx, claim, claim.verdict, claim.rationale, settings);
    // A sign-off that no longer covers the claim (or was recorded without a digest) can be given anew.
    if (isSignOffCurrent(claim, citations)) throw new AppError("CONFLICT", "This verdict is already signed off.");
    if (!check.ok) throw new AppError("INVALID_INPUT", `This verdict no longer meets your team's evidence rules, so it cannot be signed off: ${check.problems.join(" ")}`);
    await claimRevision(tx, actor, claim.id, input.revision);
    const signedOffDigest = digestJudgement(claim, citations);
    await tx.claim.update({ where: { id: claim.id }, data: { signedOffById: actor.userId, signedOffAt: new Date(), signedOffDigest } });
    const event = await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "verdict_signed_off", to: labelVerdict(claim.verdict, settings.labels), note: input.note });
    return describeClaimChange(tx, actor, claim.id, { since: input.revision, events: [event] });
  });
}

/** Takes a verdict back (with a reason); a claim that was done is back in progress. */
export async function withdrawVerdict(db: Db, actor: Actor, input: { claimId: string; revision: number; note: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    if (!claim.verdict) throw new AppError("INVALID_INPUT", "This claim has no verdict to withdraw.");
    await claimRevision(tx, actor, claim.id, input.revision);
    await tx.claim.update({
      where: { id: claim.id },
      data: { verdict: null, rationale: null, verdictById: null, verdictAt: null, signedOffById: null, signedOffAt: null, signedOffDigest: null },
    });
    await syncClaimMatchIndex(tx, [claim.id]);
    const { labels } = await getVerificationSettings(tx, actor.teamId);
    const label = isVerdict(claim.verdict) ? labelVerdict(claim.verdict, labels) : claim.verdict;
    const events: HistoryRow[] = [await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "verdict_withdrawn", from: label, note: input.note, notify: { judges: [claim.verdictById, claim.signedOffById] } })];
    if (claim.status === "done") events.push(await writeStatus(tx, actor, claim, "in_progress", "Verdict withdrawn"));
    return describeClaimChange(tx, actor, claim.id, { since: input.revision, events });
  });
}
