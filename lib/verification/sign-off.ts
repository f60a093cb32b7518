import { chainCitationSelect, chainSourceSelect, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { syncClaimMatchIndex } from "@/lib/claims/matching/store";
import { recordClaimEvent, type HistoryRow } from "@/lib/claims/events";
import { claimEventBase } from "@/lib/claims/revision";
import type { Actor, Tx } from "@/lib/claims/revision";
import { traceClaim } from "@/lib/sources/chain";
import { isSignOffCurrent, judgedCitationSelect } from "./judgement";
import type { JudgedCitation, JudgedClaim } from "./judgement";
import { checkCapturedEvidence, listCaptureWarnings } from "./capture-warnings";
import { checkVerdict, isVerdictFinal } from "./rules";
import type { TeamRules } from "./rules";
import { getVerificationSettings } from "./settings";
import { writeStatus } from "./status-events";
import { isVerdict, labelVerdict } from "./verdicts";

/** What the review withdrew, and the history rows it wrote saying so. */
export type JudgementReview = { signOffWithdrawn: boolean; verdictWithdrawn: boolean; events: HistoryRow[] };

/**
 * Call in the transaction of every change to what a verdict judged (the statement, the quote,
 * the cited evidence), after the change. A sign-off that no longer covers the claim is withdrawn,
 * and the verdict too when the evidence rules fail now (no citation left, "accurate" without an
 * origin), each as a history entry saying why (`reason`: "The statement was edited"). A claim that
 * was done goes back to where the work now is. `force` withdraws the sign-off even where the
 * words still match (the quoted passage vanished from the article, or from the cited page).
 * The claim's revision is bumped when something was withdrawn or the verdict awaits a sign-off,
 * so a colleague whose page shows the old evidence must reload before signing it off.
 * What captures found never withdraws a verdict; under the team's strict rules a done
 * "Accurate" resting on a changed or vanished passage goes back to "Needs review" (0016).
 */
export async function reviewJudgement(tx: Tx, actor: Actor, claimId: string, { reason, force = false }: { reason: string; force?: boolean }): Promise<JudgementReview> {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, teamId: actor.teamId },
    select: { id: true, statement: true, quote: true, verdict: true, rationale: true, verdictById: true, signedOffById: true, signedOffDigest: true, status: true },
  });
  if (!claim?.verdict) return { signOffWithdrawn: false, verdictWithdrawn: false, events: [] };
  const [settings, citations] = await Promise.all([
    getVerificationSettings(tx, actor.teamId),
    tx.citation.findMany({ where: { claimId, deletedAt: null }, select: { ...chainCitationSelect, captureState: true, source: { select: chainSourceSelect } } }),
  ]);
  const chainCitations = citations.map(toChainCitation);
  const trace = traceClaim(chainCitations, citations.map((citation) => toChainSource(citation.source)));
  const check = isVerdict(claim.verdict)
    ? checkVerdict({ verdict: claim.verdict, rationale: claim.rationale, citations: chainCitations, trace, teamRules: settings.rules, labels: settings.labels })
    : { ok: true as const };
  const verdictWithdrawn = !check.ok;
  const signOffWithdrawn = claim.signedOffById !== null && (force || verdictWithdrawn || !isSignOffCurrent(claim, citations));
  const awaitsSignOff = settings.rules.requireSignOff && claim.signedOffById === null;
  // A capture never withdraws a verdict; under strict rules a done claim resting on a changed page is reviewed again.
  const captureProblem = claim.status === "done" && !verdictWithdrawn && settings.rules.strictCaptures && claim.verdict === "accurate"
    ? checkCapturedEvidence(listCaptureWarnings(citations.map((citation) => ({ ...citation, sourceName: citation.source.name }))), labelVerdict("accurate", settings.labels))
    : null;
  if (!signOffWithdrawn && !verdictWithdrawn && !awaitsSignOff && !captureProblem) return { signOffWithdrawn, verdictWithdrawn, events: [] };
  await tx.claim.update({
    where: { id: claim.id },
    data: {
      revision: { increment: 1 },
      ...(signOffWithdrawn ? { signedOffById: null, signedOffAt: null, signedOffDigest: null } : {}),
      ...(verdictWithdrawn ? { verdict: null, rationale: null, verdictById: null, verdictAt: null } : {}),
    },
  });
  if (verdictWithdrawn) await syncClaimMatchIndex(tx, [claim.id]);
  const label = isVerdict(claim.verdict) ? labelVerdict(claim.verdict, settings.labels) : claim.verdict;
  // Who judged the claim is told of a withdrawal, though the row no longer names them.
  const base = { ...claimEventBase(actor, claim.id), notify: { judges: [claim.verdictById, claim.signedOffById] } };
  const events: HistoryRow[] = [];
  if (signOffWithdrawn) {
    const next = verdictWithdrawn ? "" : settings.rules.requireSignOff ? "; the verdict awaits a new sign-off" : "";
    events.push(await recordClaimEvent(tx, { ...base, type: "sign_off_withdrawn", from: label, note: `${reason}, so the sign-off no longer covers the claim${next}.` }));
  }
  if (!check.ok) {
    events.push(await recordClaimEvent(tx, { ...base, type: "verdict_withdrawn", from: label, note: `${reason}, and the verdict no longer holds: ${check.problems.join(" ")}` }));
  }
  if (claim.status === "done" && verdictWithdrawn) events.push(await writeStatus(tx, actor, claim, "in_progress", "Verdict withdrawn"));
  else if (claim.status === "done" && signOffWithdrawn && settings.rules.requireSignOff) {
    events.push(await writeStatus(tx, actor, claim, "needs_review", "Sign-off withdrawn; the verdict awaits a new one"));
  } else if (captureProblem) events.push(await writeStatus(tx, actor, claim, "needs_review", `${reason}; the verdict awaits a re-check`));
  return { signOffWithdrawn, verdictWithdrawn, events };
}

type FinalityRow = JudgedClaim & { id: string; verdictById: string | null; signedOffById: string | null; signedOffDigest: string | null };

/**
 * The claims among `claims` whose verdict is final now: given and, where the team requires it,
 * signed off by someone else for exactly what the claim says and cites today.
 */
export async function findFinalVerdicts(tx: Tx, teamRules: TeamRules, claims: readonly FinalityRow[]): Promise<Set<string>> {
  const signed = claims.filter((claim) => claim.verdict && claim.verdictById && claim.signedOffById);
  const rows = teamRules.requireSignOff && signed.length > 0
    ? await tx.citation.findMany({ where: { claimId: { in: signed.map((claim) => claim.id) }, deletedAt: null }, select: { claimId: true, ...judgedCitationSelect } })
    : [];
  const citationsOf = new Map<string, JudgedCitation[]>();
  for (const { claimId, ...citation } of rows) citationsOf.set(claimId, [...(citationsOf.get(claimId) ?? []), citation]);
  const final = new Set<string>();
  for (const claim of claims) {
    if (!claim.verdict || !claim.verdictById) continue;
    const signedOffBy = teamRules.requireSignOff && isSignOffCurrent(claim, citationsOf.get(claim.id) ?? []) ? claim.signedOffById : null;
    if (isVerdictFinal({ teamRules, verdictBy: claim.verdictById, signedOffBy })) final.add(claim.id);
  }
  return final;
}
