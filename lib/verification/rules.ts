import type { OriginTally } from "@/lib/sources/origin-tally";
import { listSourceNames } from "@/lib/sources/origin-tally";
import { isSupportingRelation } from "@/lib/sources/types";
import type { Citation } from "@/lib/sources/types";
import { checkCapturedEvidence, type CaptureWarning } from "./capture-warnings";
import { labelVerdict } from "./verdicts";
import type { TeamVerdictLabels, Verdict } from "./verdicts";

/** Short enough not to be a chore, long enough that "ok" or "see notes" is not a rationale. */
export const MIN_RATIONALE_LENGTH = 20;

/**
 * What an "accurate" verdict must rest on.
 * origin_or_two_independent: an origin reached, or two independent chains (supporting chains
 * that end at different sources, reached or not; see `tallyOrigins`);
 * one_citation: one citation stating or corroborating the claim.
 */
export const EVIDENCE_RULES = ["origin_or_two_independent", "one_citation"] as const;
export type EvidenceRule = (typeof EVIDENCE_RULES)[number];

/** Each rule in words, the same in the settings form, its summary and a refused verdict. */
export const EVIDENCE_RULE_WORDING: Record<EvidenceRule, string> = {
  origin_or_two_independent: "the origin reached, or two chains that end at different sources",
  one_citation: "one citation that states or corroborates the claim",
};

/**
 * requireSignOff: a verdict stays pending until a second editor signs it off.
 * strictCaptures: "Accurate" is refused while a passage it rests on changed or vanished on its
 * page (capture-warnings.ts); without it such a passage is a warning only.
 */
export type TeamRules = { accurateNeeds: EvidenceRule; requireSignOff: boolean; strictCaptures: boolean };

export const DEFAULT_TEAM_RULES: TeamRules = { accurateNeeds: "origin_or_two_independent", requireSignOff: false, strictCaptures: false };

/** A team's stored rules over the defaults; unknown or missing values fall back to them. */
export function resolveTeamRules(rules?: Partial<TeamRules> | null): TeamRules {
  const accurateNeeds = (EVIDENCE_RULES as readonly unknown[]).includes(rules?.accurateNeeds)
    ? (rules?.accurateNeeds as EvidenceRule)
    : DEFAULT_TEAM_RULES.accurateNeeds;
  return {
    accurateNeeds,
    requireSignOff: rules?.requireSignOff ?? DEFAULT_TEAM_RULES.requireSignOff,
    strictCaptures: rules?.strictCaptures ?? DEFAULT_TEAM_RULES.strictCaptures,
  };
}

export type VerdictInput = {
  verdict: Verdict;
  rationale: string | null | undefined;
  citations: readonly Pick<Citation, "relation">[];
  /** From `traceClaim` on the same citations. */
  trace: { tally: Pick<OriginTally, "reached" | "stops"> };
  teamRules?: Partial<TeamRules> | null;
  labels?: TeamVerdictLabels | null;
  /**
   * What the latest captures found wrong with the cited passages (listCaptureWarnings). Pass them
   * where a verdict is given, signed off or relied on for "Done"; not where a change of evidence
   * is reviewed: a capture never withdraws a verdict by itself (docs/decisions/0016).
   */
  captureWarnings?: readonly CaptureWarning[];
};

/** `needsSignOff`: valid, but pending until a second editor signs it off. */
export type VerdictCheck = { ok: true; needsSignOff: boolean } | { ok: false; problems: string[] };

/** Can this verdict be recorded? Every problem is listed at once, worded for editors. */
export function checkVerdict(input: VerdictInput): VerdictCheck {
  const rules = resolveTeamRules(input.teamRules);
  const label = labelVerdict(input.verdict, input.labels);
  const problems: string[] = [];
  const rationaleLength = input.rationale?.trim().length ?? 0;
  if (rationaleLength < MIN_RATIONALE_LENGTH) {
    problems.push(
      rationaleLength === 0
        ? `Write a rationale of at least ${MIN_RATIONALE_LENGTH} characters saying why the claim is ‘${label}’.`
        : `The rationale needs at least ${MIN_RATIONALE_LENGTH} characters; it has ${rationaleLength}.`,
    );
  }
  if (input.verdict !== "not_checkable" && input.citations.length === 0) {
    problems.push(`‘${label}’ needs at least one citation; this claim has none.`);
  } else if (input.verdict === "accurate") {
    const evidenceProblem = checkAccurateEvidence(input, rules.accurateNeeds, label);
    if (evidenceProblem) problems.push(evidenceProblem);
    const captureProblem = rules.strictCaptures ? checkCapturedEvidence(input.captureWarnings ?? [], label) : null;
    if (captureProblem) problems.push(captureProblem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, needsSignOff: rules.requireSignOff };
}

function checkAccurateEvidence(input: VerdictInput, rule: EvidenceRule, label: string): string | null {
  if (rule === "one_citation") {
    return input.citations.some((citation) => isSupportingRelation(citation.relation))
      ? null
      : `‘${label}’ needs at least one citation that states or corroborates the claim.`;
  }
  const { reached, stops } = input.trace.tally;
  if (reached.length > 0 || stops.length >= 2) return null;
  const requirement = `‘${label}’ needs ${EVIDENCE_RULE_WORDING[rule]}`;
  return stops.length === 1
    ? `${requirement}; this claim's only chain stops at ${listSourceNames(stops)}, which is not marked as the origin.`
    : `${requirement}; this claim has no supporting chain that leads anywhere yet.`;
}

/** A verdict is signed off by a second editor, never by the one who gave it. */
export function canSignOff({ verdictBy, signer }: { verdictBy: string; signer: string }): boolean {
  return Boolean(verdictBy) && Boolean(signer) && verdictBy !== signer;
}

/** Final: signed off by someone else where the team requires it, else as soon as it is given. */
export function isVerdictFinal({
  teamRules,
  verdictBy,
  signedOffBy,
}: {
  teamRules?: Partial<TeamRules> | null;
  verdictBy: string;
  signedOffBy?: string | null;
}): boolean {
  const { requireSignOff } = resolveTeamRules(teamRules);
  return !requireSignOff || (signedOffBy != null && canSignOff({ verdictBy, signer: signedOffBy }));
}
