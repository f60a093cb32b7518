import { CLAIM_STATUSES } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";
import type { ProvenanceKind } from "@/lib/sources/map-overview";
import { VERDICTS } from "@/lib/verification/verdicts";
import type { Verdict } from "@/lib/verification/verdicts";
import type { ReportClaim, ReportSummary } from "./model";

const PROVENANCE_KINDS: readonly ProvenanceKind[] = ["not_traced", "no_support", "cycle", "none_reached", "single", "several"];

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

const numbersWhere = (claims: readonly ReportClaim[], test: (claim: ReportClaim) => boolean) =>
  claims.filter(test).map((claim) => claim.number);

/**
 * The report's headline figures. `shareVerified` (its name kept for schema v1) is the share of
 * claims with a final verdict, whatever it says: a claim found false, misleading or not
 * checkable counts too, which is why every format words it "have a final verdict" and gives the
 * share found accurate beside it (formats/wording.ts, describeVerdictShares). Verdicts still
 * awaiting sign-off are counted as open questions (also when they are shown), never among the results.
 */
export function summarizeClaims(claims: readonly ReportClaim[]): ReportSummary {
  const finals = claims.filter((claim) => claim.verdictState === "final");
  const share = claims.length === 0 ? 0 : Math.round((finals.length / claims.length) * 10_000) / 10_000;
  return {
    claimCount: claims.length,
    byStatus: countBy<ClaimStatus>(CLAIM_STATUSES, claims.map((claim) => claim.status)),
    // A final verdict is never withheld, so `verdict` is set on every final claim.
    byVerdict: countBy<Verdict>(VERDICTS, finals.flatMap((claim) => (claim.verdict ? [claim.verdict.key] : []))),
    finalVerdicts: finals.length,
    shareVerified: share,
    byProvenance: countBy(PROVENANCE_KINDS, claims.map((claim) => claim.provenance.kind)),
    singleOriginClaims: numbersWhere(claims, (claim) => claim.provenance.restsOnSingleOrigin),
    noOriginReachedClaims: numbersWhere(claims, (claim) => claim.provenance.kind === "none_reached" || claim.provenance.kind === "cycle"),
    openQuestions: {
      notDone: numbersWhere(claims, (claim) => claim.status !== "done"),
      withWarnings: numbersWhere(claims, (claim) => claim.provenance.warnings.length > 0),
      awaitingSignOff: numbersWhere(claims, (claim) => claim.verdictState === "awaiting_sign_off"),
      withoutVerdict: numbersWhere(claims, (claim) => claim.verdictState === "none"),
    },
  };
}
