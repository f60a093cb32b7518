import type { CitedSource, TracedOrigin } from "./chain-types";
import { countSources } from "./lookup";
import { isSupportingRelation } from "./types";
import type { Citation } from "./types";

type SummaryInput = {
  citationCount: number;
  starts: readonly Citation[];
  origins: readonly TracedOrigin[];
  citedSources: readonly CitedSource[];
};

/**
 * One sentence for the claim's row: "3 outlets, 1 origin: the Duma bill",
 * "2 independent origins: the Duma bill, Andrey Kartapolov", "No origin reached yet (…)".
 * The count of cited sources is given only when it exceeds the origins, the
 * case editors must notice: one origin repeated by several outlets.
 */
export function describeTrace({ citationCount, starts, origins, citedSources }: SummaryInput): string {
  if (citationCount === 0) return "No sources cited yet";
  const supporting = origins.filter((origin) => origin.relations.some(isSupportingRelation));
  const contradicting = origins.filter((origin) => origin.relations.includes("contradicts"));
  const hasSupportingCitation = starts.some((start) => isSupportingRelation(start.relation));
  const someReached = supporting.some((origin) => origin.reached);
  let sentence: string;
  if (!hasSupportingCitation) {
    sentence = "No supporting source cited";
  } else if (supporting.length === 0) {
    sentence = "No origin reached yet";
  } else if (!someReached) {
    sentence = `No origin reached yet (traced as far as ${listNames(supporting, false)})`;
  } else {
    const prefix = citedSources.length > supporting.length
      ? `${countSources(citedSources.map((cited) => cited.source))}, `
      : "";
    const count = supporting.length === 1 ? "1 origin" : `${supporting.length} independent origins`;
    sentence = `${prefix}${count}: ${listNames(supporting, true)}`;
  }
  if (contradicting.length > 0) sentence += `; contradicted by ${listNames(contradicting, true)}`;
  return sentence;
}

function listNames(origins: readonly TracedOrigin[], markUnreached: boolean): string {
  return origins
    .map((origin) => (markUnreached && !origin.reached ? `${origin.name} (not reached)` : origin.name))
    .join(", ");
}
