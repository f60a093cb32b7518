import { EVIDENCE_RULE_WORDING } from "./rules";
import type { TeamRules } from "./rules";
import { DEFAULT_VERDICTS, VERDICTS, defineVerdict } from "./verdicts";
import type { TeamVerdictLabels } from "./verdicts";

/**
 * The team's verification settings in one sentence, for an owner whose stale save was refused:
 * "sign-off by a second editor required; ‘Accurate’ needs one citation …; ‘False’ is called ‘Wrong’ (rating 1)".
 */
export function describeVerificationSettings({ labels, rules }: { labels: TeamVerdictLabels; rules: TeamRules }): string {
  const parts = [
    rules.requireSignOff ? "sign-off by a second editor required" : "no sign-off required",
    `‘Accurate’ needs ${EVIDENCE_RULE_WORDING[rules.accurateNeeds]}`,
    ...(rules.strictCaptures ? ["‘Accurate’ refused while a cited passage changed or vanished on its page"] : []),
  ];
  for (const verdict of VERDICTS) {
    const base = DEFAULT_VERDICTS[verdict];
    const team = defineVerdict(verdict, labels);
    const changes = [
      team.label !== base.label ? `is called ‘${team.label}’` : null,
      team.alternateName !== team.label ? `is published as ‘${team.alternateName}’` : null,
      team.ratingValue !== base.ratingValue ? `is rated ${team.ratingValue}` : null,
    ].filter(Boolean);
    if (changes.length > 0) parts.push(`‘${base.label}’ ${changes.join(", ")}`);
  }
  return parts.join("; ");
}
