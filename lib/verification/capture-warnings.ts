import { isSupportingRelation } from "@/lib/sources/types";
import type { CitationRelation } from "@/lib/sources/types";

/** passage_changed: the latest capture found other wording or figures; passage_vanished: none. */
export type CaptureWarningKind = "passage_changed" | "passage_vanished";
export type CaptureWarning = { kind: CaptureWarningKind; citationIds: string[]; relation: CitationRelation; sourceName: string; message: string };

/** A live citation as the rules read it: its relation, the latest capture's state, its source's name. */
export type CapturedCitation = { id: string; relation: string; captureState: string | null; sourceName: string };

/**
 * What the latest capture of each cited page says against the verdict: a passage that changed
 * or vanished on a citation the verdict rests on (every relation but "context"). A re-check that
 * finds the passage again (or the corrected passage) clears the warning.
 */
export function listCaptureWarnings(citations: readonly CapturedCitation[]): CaptureWarning[] {
  const warnings: CaptureWarning[] = [];
  for (const citation of citations) {
    if (citation.relation === "context") continue;
    const base = { citationIds: [citation.id], relation: citation.relation as CitationRelation, sourceName: citation.sourceName };
    if (citation.captureState === "changed") {
      warnings.push({
        ...base, kind: "passage_changed",
        message: `The passage cited from ${citation.sourceName} changed on its page: the verdict rests on words or figures the source no longer gives. Compare the capture, then correct the passage or the verdict.`,
      });
    } else if (citation.captureState === "vanished") {
      warnings.push({
        ...base, kind: "passage_vanished",
        message: `The passage cited from ${citation.sourceName} is no longer on its page: the verdict rests on words the source no longer shows.`,
      });
    }
  }
  return warnings;
}

/**
 * Under the team's strict evidence rules, "Accurate" cannot rest on a supporting passage that
 * changed or vanished on its page; the problem, worded for editors, or null.
 */
export function checkCapturedEvidence(warnings: readonly CaptureWarning[], label: string): string | null {
  const supporting = warnings.filter((warning) => isSupportingRelation(warning.relation));
  if (supporting.length === 0) return null;
  const sources = [...new Set(supporting.map((warning) => warning.sourceName))];
  return `‘${label}’ cannot rest on a passage that changed or vanished on its page (${sources.join(", ")}); your team's strict evidence rules ask for a re-check that finds the cited passage, corrected if the source changed it.`;
}
