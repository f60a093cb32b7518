import { chainCitationSelect, chainSourceSelect, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { recordClaimEvent } from "@/lib/claims/events";
import { claimEventBase, claimNotFound, claimRevision } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import { claimStatusDisplay } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";
import type { Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import { traceClaim } from "@/lib/sources/chain";
import { canSignOff, checkVerdict, isVerdictFinal } from "./rules";
import type { GiveVerdictInput, SetStatusInput } from "./schema";
import { getVerificationSettings } from "./settings";
import { checkTransition } from "./status";
import { isVerdict, labelVerdict } from "./verdicts";

const verdictFields = { verdict: true, verdictById: true, signedOffById: true, status: true, revision: true } as const;

async function findLiveClaim(tx: Tx, actor: Actor, claimId: string) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, teamId: actor.teamId, deletedAt: null }, select: { id: true, ...verdictFields } });
  if (!claim) throw claimNotFound();
  return claim;
}

function hasFinalVerdict(claim: { verdict: string | null; verdictById: string | null; signedOffById: string | null }, teamRules: Parameters<typeof isVerdictFinal>[0]["teamRules"]) {
  return Boolean(claim.verdict && claim.verdictById) && isVerdictFinal({ teamRules, verdictBy: claim.verdictById as string, signedOffBy: claim.signedOffById });
}

const statusLabel = (status: string) => claimStatusDisplay[status as ClaimStatus]?.label ?? status;

async function writeStatus(tx: Tx, actor: Actor, claim: { id: string; status: string }, to: ClaimStatus, note?: string | null) {
  await tx.claim.update({ where: { id: claim.id }, data: { status: to } });
  await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "status_changed", from: statusLabel(claim.status), to: statusLabel(to), note });
}

/** Moves a claim through the workflow (lib/verification/status.ts); "Done" needs a final verdict. */
export async function setClaimStatus(db: Db, actor: Actor, input: SetStatusInput) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    const { rules } = await getVerificationSettings(tx, actor.teamId);
    const check = checkTransition({ from: claim.status as ClaimStatus, to: input.status, hasFinalVerdict: hasFinalVerdict(claim, rules), note: input.note });
    if (!check.ok) throw new AppError("INVALID_INPUT", check.problems.join(" "), { status: check.problems });
    await claimRevision(tx, actor, claim.id, input.revision);
    await writeStatus(tx, actor, claim, input.status, input.note);
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
    const citations = await tx.citation.findMany({
      where: { claimId: claim.id, deletedAt: null },
      select: { ...chainCitationSelect, source: { select: chainSourceSelect } },
    });
    const chainCitations = citations.map(toChainCitation);
    const trace = traceClaim(chainCitations, citations.map((citation) => toChainSource(citation.source)));
    const check = checkVerdict({ verdict: input.verdict, rationale: input.rationale, citations: chainCitations, trace, teamRules: settings.rules, labels: settings.labels });
    if (!check.ok) throw new AppError("INVALID_INPUT", check.problems.join(" "), { rationale: check.problems });
    await claimRevision(tx, actor, claim.id, input.revision);
    await tx.claim.update({
      where: { id: claim.id },
      data: { verdict: input.verdict, rationale: input.rationale, verdictById: actor.userId, verdictAt: new Date(), signedOffById: null, signedOffAt: null },
    });
    const from = claim.verdict && isVerdict(claim.verdict) ? labelVerdict(claim.verdict, settings.labels) : null;
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "verdict_given", from, to: labelVerdict(input.verdict, settings.labels), note: input.rationale });
    const next: ClaimStatus | null = check.needsSignOff
      ? (claim.status === "needs_review" ? null : "needs_review")
      : claim.status === "unchecked" ? "in_progress" : null;
    if (next) await writeStatus(tx, actor, claim, next, check.needsSignOff ? "Verdict awaits a second editor's sign-off" : "Verdict given");
    return { needsSignOff: check.needsSignOff };
  });
}

/** A second editor confirms the verdict; the one who gave it cannot. */
export async function signOffVerdict(db: Db, actor: Actor, input: { claimId: string; revision: number; note?: string }) {
  return db.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, actor, input.claimId);
    if (!claim.verdict || !claim.verdictById) throw new AppError("INVALID_INPUT", "There is no verdict to sign off yet.");
    if (claim.signedOffById) throw new AppError("CONFLICT", "This verdict is already signed off.");
    if (!canSignOff({ verdictBy: claim.verdictById, signer: actor.userId })) {
      throw new AppError("FORBIDDEN", "You gave this verdict, so a second editor has to sign it off.");
    }
    await claimRevision(tx, actor, claim.id, input.revision);
    await tx.claim.update({ where: { id: claim.id }, data: { signedOffById: actor.userId, signedOffAt: new Date() } });
    const { labels } = await getVerificationSettings(tx, actor.teamId);
    const label = isVerdict(claim.verdict) ? labelVerdict(claim.verdict, labels) : claim.verdict;
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "verdict_signed_off", to: label, note: input.note });
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
      data: { verdict: null, rationale: null, verdictById: null, verdictAt: null, signedOffById: null, signedOffAt: null },
    });
    const { labels } = await getVerificationSettings(tx, actor.teamId);
    const label = isVerdict(claim.verdict) ? labelVerdict(claim.verdict, labels) : claim.verdict;
    await recordClaimEvent(tx, { ...claimEventBase(actor, claim.id), type: "verdict_withdrawn", from: label, note: input.note });
    if (claim.status === "done") await writeStatus(tx, actor, claim, "in_progress", "Verdict withdrawn");
  });
}
